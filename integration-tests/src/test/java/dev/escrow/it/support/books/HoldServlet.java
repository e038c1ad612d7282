package dev.escrow.it.support.books;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Test-only, never in the product: takes connections of the bank's pool (or, with {@code
 * pool=marketplace}, of the marketplace's, looked up only then: a bank-only server has none) and
 * keeps them until released ({@code /hold?count=N}, {@code /release}), so that a test can meet an
 * exhausted pool without loading the server. Deployed by {@code BankBooks} for the length of one
 * test.
 */
@WebServlet({"/hold", "/release"})
public class HoldServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final List<Connection> HELD = new ArrayList<>();

  @Resource(lookup = "java:jboss/datasources/BankDS")
  private DataSource bank;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    synchronized (HELD) {
      try {
        if (request.getServletPath().equals("/hold")) {
          int count = Integer.parseInt(request.getParameter("count"));
          for (int i = 0; i < count; i++) {
            Connection c = pool(request.getParameter("pool")).getConnection();
            c.isValid(2);
            HELD.add(c);
          }
        } else {
          for (Connection c : HELD) {
            c.close();
          }
          HELD.clear();
        }
        response.getWriter().print(HELD.size());
      } catch (SQLException | javax.naming.NamingException e) {
        response.sendError(500, e.getMessage());
      }
    }
  }

  private DataSource pool(String name) throws javax.naming.NamingException {
    if ("marketplace".equals(name)) {
      return (DataSource)
          new javax.naming.InitialContext().lookup("java:jboss/datasources/MarketplaceDS");
    }
    return bank;
  }
}

package dev.escrow.it.support.books;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Test-only, never in the product: changes an account's balance behind the ledger's back (no ledger
 * row), so that a test can watch the audit find it. Deployed by {@code BankBooks} for the length of
 * one test.
 */
@WebServlet("/shift")
public class ShiftServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "java:jboss/datasources/BankDS")
  private DataSource bank;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try (Connection c = bank.getConnection();
        PreparedStatement s =
            c.prepareStatement("update account set balance = balance + ? where number = ?")) {
      s.setBigDecimal(1, new BigDecimal(request.getParameter("by")));
      s.setString(2, request.getParameter("number"));
      response.getWriter().print(s.executeUpdate());
    } catch (SQLException e) {
      response.sendError(500, e.getMessage());
    }
  }
}

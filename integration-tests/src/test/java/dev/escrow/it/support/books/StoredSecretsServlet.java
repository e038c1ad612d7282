package dev.escrow.it.support.books;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Test-only, never in the product: answers what both databases store for passwords and API keys,
 * one {@code kind<TAB>name<TAB>stored} line each, so that a test can check they are hashes on
 * either database (H2 is embedded in the server: nothing outside it can read its files). Deployed
 * by {@code BankBooks} for the length of one test.
 */
@WebServlet("/stored-secrets")
public class StoredSecretsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "java:jboss/datasources/BankDS")
  private DataSource bank;

  @Resource(lookup = "java:jboss/datasources/MarketplaceDS")
  private DataSource marketplace;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain;charset=UTF-8");
    PrintWriter out = response.getWriter();
    try {
      lines(marketplace, "select 'user', login, password_hash from app_user", out);
      lines(bank, "select 'operator', login, password_hash from operator", out);
      lines(bank, "select 'key', name, key_hash from api_client", out);
    } catch (SQLException e) {
      response.sendError(500, e.getMessage());
    }
  }

  private static void lines(DataSource source, String sql, PrintWriter out) throws SQLException {
    try (Connection c = source.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        out.println(rows.getString(1) + "\t" + rows.getString(2) + "\t" + rows.getString(3));
      }
    }
  }
}

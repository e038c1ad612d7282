import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads the two embedded H2 databases of a stopped server as if they were the one PostgreSQL
 * database with schemas {@code marketplace} and {@code bank}, so that the same checking SQL runs on
 * both kinds. H2 lets one process at a time open a file, so this works only while the server is
 * down; it reads copies of the files and never writes the server's own. Needs the server's H2 jar
 * on the class path.
 */
public final class H2Files {

  private static final String SETTINGS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private final Path data;
  private final Path copies;
  private Connection connection;
  private String generation = "";

  public H2Files(Path serverDataDir, Path workDir) {
    this.data = serverDataDir;
    this.copies = workDir;
  }

  /** One statement; its rows as psql -t -A prints them (columns by '|', rows by new lines). */
  public synchronized String query(String sql) {
    try {
      open();
      try (Statement s = connection.createStatement();
          ResultSet r = s.executeQuery(sql)) {
        int columns = r.getMetaData().getColumnCount();
        List<String> rows = new ArrayList<>();
        while (r.next()) {
          StringJoiner row = new StringJoiner("|");
          for (int c = 1; c <= columns; c++) {
            String value = r.getString(c);
            row.add(value == null ? "" : value);
          }
          rows.add(row.toString());
        }
        return String.join("\n", rows).strip();
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Fresh copies whenever the server has written its files since the last look. */
  private void open() throws IOException, SQLException {
    Path marketplace = data.resolve("marketplace-h2.mv.db");
    Path bank = data.resolve("bank-h2.mv.db");
    String now =
        Files.getLastModifiedTime(marketplace)
            + "/"
            + Files.size(marketplace)
            + "/"
            + Files.getLastModifiedTime(bank)
            + "/"
            + Files.size(bank);
    if (connection != null && now.equals(generation)) {
      return;
    }
    close();
    Files.createDirectories(copies);
    Files.copy(
        marketplace, copies.resolve("marketplace.mv.db"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(bank, copies.resolve("bank.mv.db"), StandardCopyOption.REPLACE_EXISTING);
    String bankUrl = "jdbc:h2:file:" + copies.toAbsolutePath().resolve("bank") + SETTINGS;
    connection =
        DriverManager.getConnection(
            "jdbc:h2:file:" + copies.toAbsolutePath().resolve("marketplace") + SETTINGS,
            "sa",
            "sa");
    // The bank's tables, copied into a schema of the marketplace's copy: joins across the two then
    // run locally, as in the one PostgreSQL database.
    List<String> tables = new ArrayList<>();
    try (Connection b = DriverManager.getConnection(bankUrl, "sa", "sa");
        ResultSet r =
            b.createStatement()
                .executeQuery(
                    "SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'bank' AND table_type = 'BASE TABLE'")) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS bank CASCADE");
      s.execute("CREATE SCHEMA bank");
      for (String table : tables) {
        s.execute(
            "CREATE LINKED TABLE bank.l_"
                + table
                + "('org.h2.Driver', '"
                + bankUrl
                + "', 'sa', 'sa', 'bank', '"
                + table
                + "') READONLY");
        s.execute("CREATE TABLE bank." + table + " AS SELECT * FROM bank.l_" + table);
        s.execute("DROP TABLE bank.l_" + table);
      }
    }
    generation = now;
  }

  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // a copy: nothing to keep
      }
      connection = null;
    }
  }
}

package dev.escrow.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Data of its own for a server that a failsafe execution starts besides the suite's (the demo run,
 * the separate servers): an empty folder for its data and log, and on PostgreSQL a database made
 * afresh. Called before Arquillian starts the server (from a JUnit execution condition).
 */
public final class FreshData {

  private FreshData() {}

  /** Empties this folder and, on PostgreSQL, drops and creates this database. */
  public static void make(Path dir, String database) {
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if ("postgresql".equals(System.getProperty("db.kind"))) {
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://"
                      + System.getenv().getOrDefault("POSTGRESQL_HOST", "127.0.0.1")
                      + ":"
                      + System.getenv().getOrDefault("POSTGRESQL_PORT", "5432")
                      + "/postgres",
                  System.getenv().getOrDefault("POSTGRESQL_USER", "postgres"),
                  System.getenv().getOrDefault("POSTGRESQL_PASSWORD", "postgres"));
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + database);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot make the database " + database, e);
      }
    }
  }

  /** A system property the failsafe execution sets, or a failure that says which execution. */
  public static String required(String property, String execution) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          property + " is not set: this test runs in the failsafe execution '" + execution + "'");
    }
    return value;
  }
}

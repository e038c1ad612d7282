package dev.escrow.it.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes the demo server's data fresh before Arquillian starts the server: JUnit evaluates a class's
 * conditions before any before-all callback (Arquillian starts the container in its before-all, so
 * a static initializer of the test class would run too late and pull the data from under the
 * running server). Never disables anything: outside the failsafe execution "demo" it fails.
 */
public class FreshDemoData implements ExecutionCondition {

  private static boolean done;

  @Override
  public synchronized ConditionEvaluationResult evaluateExecutionCondition(
      ExtensionContext context) {
    if (!done) {
      freshDemoData();
      done = true;
    }
    return ConditionEvaluationResult.enabled("the demo server's data is fresh");
  }

  /** Before the server starts: its own data folder and log, or its own PostgreSQL database. */
  private static void freshDemoData() {
    Path dir = serverDir();
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
      String database = System.getProperty("demo.postgresql.database");
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
        throw new IllegalStateException("Cannot make the demo database " + database, e);
      }
    }
  }

  static Path serverDir() {
    String dir = System.getProperty("demo.server.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "demo.server.dir is not set: DemoSeedIT runs in the failsafe execution 'demo'");
    }
    return Path.of(dir);
  }
}

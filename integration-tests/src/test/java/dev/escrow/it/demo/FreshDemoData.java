package dev.escrow.it.demo;

import dev.escrow.it.support.FreshData;
import java.nio.file.Path;
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
    FreshData.make(serverDir(), System.getProperty("demo.postgresql.database"));
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

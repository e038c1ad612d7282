package dev.escrow.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/**
 * The bank's transfer queue, paused and resumed through the management API: while it is paused a
 * confirmed payment stays PROCESSING for as long as the test needs, whatever the machine's speed,
 * instead of for a processing delay that a loaded machine may outlast or a fast one cut short.
 */
public final class BankQueue {

  private BankQueue() {}

  public static void pause(ManagementClient management) throws IOException {
    execute(management, "pause");
  }

  /** Resumes it (resuming a queue that runs does nothing, so this is safe in a finally). */
  public static void resume(ManagementClient management) throws IOException {
    execute(management, "resume");
  }

  private static void execute(ManagementClient management, String operation) throws IOException {
    ModelNode op = new ModelNode();
    op.get("operation").set(operation);
    op.get("address").add("subsystem", "messaging-activemq").add("server", "default");
    op.get("address").add("jms-queue", "BankTransfers");
    ModelNode outcome = management.getControllerClient().execute(op);
    assertEquals("success", outcome.get("outcome").asString(), op + " -> " + outcome);
  }
}

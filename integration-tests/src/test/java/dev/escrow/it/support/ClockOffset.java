package dev.escrow.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/**
 * The server's clock, moved on through its management model (the system property platform's
 * MovableClock adds to the system time; the test servers start with escrow.clock.movable=true,
 * arquillian.xml): a test passes a deadline at once instead of sleeping until it. It moves the
 * "now" of every domain the server carries; in the split deployment, the marketplace's server's
 * only. Always {@link #reset} in a finally.
 */
public final class ClockOffset {

  /** The property MovableClock reads (platform's dev.escrow.platform.time). */
  static final String OFFSET = "escrow.clock.offset";

  private ClockOffset() {}

  /** From now on the server's "now" is at least {@code moment} (this machine is the server's). */
  public static void moveTo(ManagementClient management, Instant moment) throws IOException {
    Duration ahead = Duration.between(Instant.now(), moment);
    reset(management);
    if (!ahead.isNegative()) {
      ModelNode add = operation("add");
      add.get("value").set(ahead.toString());
      ModelNode outcome = management.getControllerClient().execute(add);
      assertEquals("success", outcome.get("outcome").asString(), add + " -> " + outcome);
    }
  }

  /** Back to the system time (nothing to do when it was not moved). */
  public static void reset(ManagementClient management) throws IOException {
    management.getControllerClient().execute(operation("remove"));
  }

  private static ModelNode operation(String name) {
    ModelNode op = new ModelNode();
    op.get("operation").set(name);
    op.get("address").add("system-property", OFFSET);
    return op;
  }
}

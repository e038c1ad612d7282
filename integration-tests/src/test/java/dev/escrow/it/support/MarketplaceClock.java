package dev.escrow.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/**
 * The marketplace's clock, moved on through the server's management model (the system property the
 * marketplace's MovableClock adds to the system time): a test passes a deadline at once instead of
 * sleeping until it. The bank keeps real time. Always {@link #reset} in a finally.
 */
public final class MarketplaceClock {

  /** The property MovableClock reads (marketplace-ejb's infrastructure/time). */
  static final String OFFSET = "escrow.marketplace.clock.offset";

  private MarketplaceClock() {}

  /**
   * From now on the marketplace's "now" is at least {@code moment} (this machine is the server's).
   */
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

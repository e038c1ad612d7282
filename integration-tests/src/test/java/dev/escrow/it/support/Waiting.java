package dev.escrow.it.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The tests' one way of waiting for something the server does in the background (Awaitility): check
 * at once, then every {@code every}, for up to {@code timeout}, on the calling thread.
 */
public final class Waiting {

  private Waiting() {}

  public static ConditionFactory upTo(Duration timeout, Duration every) {
    return Awaitility.await()
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(every)
        .pollInSameThread();
  }
}

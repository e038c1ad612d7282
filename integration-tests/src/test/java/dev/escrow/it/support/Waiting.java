package dev.escrow.it.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

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

  /**
   * Reads until {@code done} accepts what was read (null is never done) or the timeout passes, and
   * returns the last reading either way: the caller's assertion then says what was seen.
   */
  public static <T> T lastRead(
      Duration timeout, Duration every, Callable<T> read, Predicate<? super T> done) {
    AtomicReference<T> last = new AtomicReference<>();
    try {
      upTo(timeout, every)
          .until(
              () -> {
                T value = read.call();
                last.set(value);
                return value != null && done.test(value);
              });
    } catch (ConditionTimeoutException timedOut) {
      // the last reading goes to the caller's assertion
    }
    return last.get();
  }

  /**
   * A reading that two readings in a row, {@code every} apart, agree on: what the server shows once
   * the work earlier tests left in its queues is done. Fails (with the last two readings) when it
   * still changes after the timeout.
   */
  public static <T> T quiet(Duration timeout, Duration every, Callable<T> read) {
    AtomicReference<T> previous = new AtomicReference<>();
    AtomicBoolean agreed = new AtomicBoolean();
    AtomicReference<String> change = new AtomicReference<>();
    T last =
        lastRead(
            timeout,
            every,
            read,
            now -> {
              T before = previous.getAndSet(now);
              agreed.set(now.equals(before));
              change.set(before + " -> " + now);
              return agreed.get();
            });
    if (!agreed.get()) {
      throw new AssertionError("still changing after " + timeout + ": " + change.get());
    }
    return last;
  }
}

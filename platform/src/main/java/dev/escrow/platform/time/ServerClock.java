package dev.escrow.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The one source of "now" for both domains (UTC, to the microsecond: what the databases keep), so
 * that deadlines, expiries and timestamps are decided in one place. It is the system clock, unless
 * the server was started with {@code -D}{@value #MOVABLE}{@code =true} (the integration tests'
 * servers only): then it is a {@link MovableClock}. The switch is read once, when the deployment
 * starts, so a production server never moves, whatever is set while it runs.
 */
@ApplicationScoped
public class ServerClock {

  public static final String MOVABLE = "escrow.clock.movable";

  private static final Logger LOG = Logger.getLogger(ServerClock.class.getName());

  @Produces
  @ApplicationScoped
  Clock clock() {
    return of(Boolean.getBoolean(MOVABLE));
  }

  static Clock of(boolean movable) {
    Clock system = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    if (!movable) {
      return system;
    }
    LOG.warning(
        "The clock is movable (" + MOVABLE + "): " + MovableClock.OFFSET + " moves it on (tests)");
    return new MovableClock(system);
  }
}

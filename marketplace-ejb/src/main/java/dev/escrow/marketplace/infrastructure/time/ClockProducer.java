package dev.escrow.marketplace.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The marketplace's one source of "now" (UTC), so that deadlines are decided in one place. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return new MovableClock(Clock.systemUTC());
  }
}

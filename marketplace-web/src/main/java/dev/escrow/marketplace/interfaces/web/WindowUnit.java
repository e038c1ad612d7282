package dev.escrow.marketplace.interfaces.web;

import java.time.Duration;

/** The unit a seller gives the payment window in. */
public enum WindowUnit {
  MINUTES(Duration.ofMinutes(1)),
  HOURS(Duration.ofHours(1)),
  DAYS(Duration.ofDays(1));

  private final Duration one;

  WindowUnit(Duration one) {
    this.one = one;
  }

  public Duration times(long amount) {
    return one.multipliedBy(amount);
  }

  /** The largest unit that expresses the duration exactly. */
  public static WindowUnit of(Duration duration) {
    if (duration.toSeconds() % DAYS.one.toSeconds() == 0) {
      return DAYS;
    }
    if (duration.toSeconds() % HOURS.one.toSeconds() == 0) {
      return HOURS;
    }
    return MINUTES;
  }

  public long amountOf(Duration duration) {
    return duration.toSeconds() / one.toSeconds();
  }
}

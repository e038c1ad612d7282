package dev.escrow.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;

/**
 * The system clock, moved on by the duration in the system property {@value #OFFSET} when it is set
 * (an ISO-8601 duration such as {@code PT61S}). The integration tests set it through the server's
 * management model to pass a deadline without waiting for it in real time. Only a server started
 * with {@code -D}{@value ServerClock#MOVABLE}{@code =true} gets this clock ({@link ServerClock}); a
 * negative or malformed offset is ignored, so time never runs backwards.
 */
public final class MovableClock extends Clock {

  public static final String OFFSET = "escrow.clock.offset";

  private static final Logger LOG = Logger.getLogger(MovableClock.class.getName());

  private final Clock system;

  /** The last property value read and what it parsed to (a property changes rarely). */
  private volatile Parsed parsed = new Parsed(null, Duration.ZERO);

  private record Parsed(String text, Duration offset) {}

  MovableClock(Clock system) {
    this.system = system;
  }

  @Override
  public Instant instant() {
    return system.instant().plus(offset());
  }

  Duration offset() {
    String text = System.getProperty(OFFSET);
    Parsed known = parsed;
    if (text == null) {
      return Duration.ZERO;
    }
    if (!text.equals(known.text())) {
      Duration offset;
      try {
        offset = Duration.parse(text);
      } catch (DateTimeParseException e) {
        offset = Duration.ofDays(-1);
      }
      if (offset.isNegative()) {
        LOG.warning(OFFSET + " is not an ISO-8601 duration ahead, ignored: " + text);
        offset = Duration.ZERO;
      }
      known = new Parsed(text, offset);
      parsed = known;
    }
    return known.offset();
  }

  @Override
  public ZoneId getZone() {
    return system.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(getZone()) ? this : new MovableClock(system.withZone(zone));
  }
}

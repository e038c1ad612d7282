package dev.escrow.marketplace.domain.offer;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The time a buyer has to pay a deal: from one minute to thirty days, in whole seconds. */
public final class PaymentWindow {

  public static final Duration MIN = Duration.ofMinutes(1);
  public static final Duration MAX = Duration.ofDays(30);

  private PaymentWindow() {}

  /**
   * Reads an ISO-8601 duration ("PT48H", "P2D"). Throws IllegalArgumentException with a message
   * that completes "paymentWindow ...".
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is required");
    }
    Duration duration;
    try {
      duration = Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be an ISO-8601 duration such as PT48H");
    }
    return check(duration);
  }

  public static Duration check(Duration duration) {
    if (duration == null) {
      throw new IllegalArgumentException("is required");
    }
    if (duration.getNano() != 0) {
      throw new IllegalArgumentException("must be a whole number of seconds");
    }
    if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("must be from PT1M to P30D");
    }
    return duration;
  }
}

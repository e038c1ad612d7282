package dev.escrow.bank.application;

import java.time.Instant;

/** Delivers one signed callback to a partner's endpoint and says how the partner answered. */
public interface CallbackTransport {

  enum Answer {
    DELIVERED,
    REFUSED,
    RETRY
  }

  record Sent(Answer answer, String detail) {}

  Sent send(String url, String secret, String eventId, String body, Instant now);
}

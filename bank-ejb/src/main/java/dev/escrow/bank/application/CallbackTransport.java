package dev.escrow.bank.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Delivers signed callbacks to a partner's endpoint, one or a batch in one request, and says how
 * the partner answered each.
 */
public interface CallbackTransport {

  /** The most events one request carries (the partner takes at most this many together). */
  int MAX_EVENTS = 100;

  enum Answer {
    DELIVERED,
    REFUSED,
    RETRY
  }

  record Sent(Answer answer, String detail) {}

  /** One event to send: its id and its body (a JSON object). */
  record Event(String eventId, String body) {}

  Sent send(String url, String secret, String eventId, String body, Instant now);

  /**
   * Sends 2 to {@link #MAX_EVENTS} events in one request ({@code {"events": [...]}}, signed as a
   * whole); answers each event's outcome by its id.
   */
  Map<String, Sent> sendAll(String url, String secret, List<Event> events, Instant now);
}

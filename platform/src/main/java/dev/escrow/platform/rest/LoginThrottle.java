package dev.escrow.platform.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed sign-ins for one login from one
 * address within the window, further tries from there are refused (429) until the window has
 * passed. A success clears the count. Kept in memory: a restart forgets it, which is acceptable for
 * a throttle (the bcrypt cost still bounds the guessing rate).
 */
public class LoginThrottle {

  public static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(5);

  private record Failures(int count, Instant since) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  public boolean isBlocked(String login, String client) {
    Failures seen = failures.get(key(login, client));
    if (seen == null) {
      return false;
    }
    if (seen.since().plus(WINDOW).isBefore(clock.instant())) {
      failures.remove(key(login, client));
      return false;
    }
    return seen.count() >= MAX_FAILURES;
  }

  public void failed(String login, String client) {
    Instant now = clock.instant();
    failures.merge(
        key(login, client),
        new Failures(1, now),
        (old, one) ->
            old.since().plus(WINDOW).isBefore(now)
                ? one
                : new Failures(old.count() + 1, old.since()));
    if (failures.size() > 100_000) {
      failures.clear(); // bounded memory under a flood of invented logins
    }
  }

  public void succeeded(String login, String client) {
    failures.remove(key(login, client));
  }

  public long retryAfterSeconds() {
    return WINDOW.toSeconds();
  }

  private static String key(String login, String client) {
    return login + '\u0000' + client;
  }
}

package dev.escrow.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's clock: the system's, moved on only on a movable server and while told so. */
class MovableClockTest {

  static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
  final MovableClock clock = new MovableClock(Clock.fixed(T, ZoneOffset.UTC));

  @AfterEach
  void unset() {
    System.clearProperty(MovableClock.OFFSET);
  }

  @Test
  void unsetItIsTheSystemClock() {
    assertEquals(T, clock.instant());
  }

  @Test
  void theOffsetMovesItOnAndBackWhenRemoved() {
    System.setProperty(MovableClock.OFFSET, "PT61S");
    assertEquals(T.plusSeconds(61), clock.instant());
    System.setProperty(MovableClock.OFFSET, "PT2H");
    assertEquals(T.plus(Duration.ofHours(2)), clock.instant());
    System.clearProperty(MovableClock.OFFSET);
    assertEquals(T, clock.instant());
  }

  @Test
  void aValueThatIsNoDurationIsIgnored() {
    System.setProperty(MovableClock.OFFSET, "tomorrow");
    assertEquals(T, clock.instant());
  }

  @Test
  void itNeverMovesBack() {
    System.setProperty(MovableClock.OFFSET, "-PT1H");
    assertEquals(T, clock.instant());
  }

  @Test
  void aServerNotStartedMovableIgnoresTheOffset() {
    System.setProperty(MovableClock.OFFSET, "P1D");
    Clock production = ServerClock.of(false);
    assertFalse(production instanceof MovableClock);
    assertFalse(production.instant().isAfter(Instant.now().plusSeconds(60)));
    assertInstanceOf(MovableClock.class, ServerClock.of(true));
  }

  @Test
  void nowIsToTheMicrosecond() {
    assertEquals(0, ServerClock.of(false).instant().getNano() % 1_000);
    assertEquals(0, ServerClock.of(true).instant().getNano() % 1_000);
  }
}

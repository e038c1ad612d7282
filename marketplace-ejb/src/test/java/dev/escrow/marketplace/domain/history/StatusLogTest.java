package dev.escrow.marketplace.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log an aggregate keeps of its status changes until they are written. */
class StatusLogTest {

  static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aChangeToTheSameStatusIsNoChange() {
    StatusLog log = new StatusLog();
    log.add("IN_PROGRESS", "IN_PROGRESS", AT, () -> "payment 2 of 1.00", StatusChange.SYSTEM);
    assertTrue(log.isEmpty());
  }

  @Test
  void drainedChangesAreRowsOfTheSubjectAndLeaveNothingWaiting() {
    StringBuilder id = new StringBuilder("?");
    StatusLog log = new StatusLog();
    log.add(null, "AWAITING_PAYMENT", AT, () -> "opened", "boris");
    log.add("ACTIVE", "RESERVED", AT, () -> "bought in deal " + id, "boris");
    id.setLength(0);
    id.append(42); // known only once stored: the reason is read when written
    List<StatusChange> rows = log.drain(StatusChange.Subject.DEAL, 42);
    assertEquals(2, rows.size());
    assertEquals("DEAL", rows.get(0).subject());
    assertEquals(42, rows.get(0).subjectId());
    assertEquals(null, rows.get(0).fromStatus());
    assertEquals("opened", rows.get(0).reason());
    assertEquals("bought in deal 42", rows.get(1).reason());
    assertEquals("boris", rows.get(1).actor());
    assertTrue(log.isEmpty());
    assertTrue(log.drain(StatusChange.Subject.DEAL, 42).isEmpty(), "written once");
  }
}

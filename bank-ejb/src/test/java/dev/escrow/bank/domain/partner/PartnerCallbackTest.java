package dev.escrow.bank.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartnerCallbackTest {

  private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

  private static PartnerCallback callback() {
    ApiClient partner = new ApiClient("marketplace", "hash", NOW);
    partner.callBackAt("http://127.0.0.1:8080/api/v1/bank-callbacks", "secret");
    return PartnerCallback.due(partner, 7, "COMPLETED", "e-1", "{}", NOW);
  }

  @Test
  void aClaimedCallbackIsNotClaimedAgainUntilItsLeaseRunsOut() {
    PartnerCallback callback = callback();
    assertTrue(callback.claim(NOW));
    assertFalse(callback.claim(NOW.plusSeconds(1)), "claimed by the first sender");
    assertTrue(callback.claim(NOW.plus(PartnerCallback.LEASE)), "its sender died: due again");
    assertEquals(2, callback.attempts());
  }

  @Test
  void eachFailureWaitsTwiceAsLongUpToFiveMinutesThenItIsGivenUp() {
    PartnerCallback callback = callback();
    Instant at = NOW;
    long[] waits = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
    for (long wait : waits) {
      assertTrue(callback.claim(at));
      callback.failed("away", false, at);
      assertFalse(callback.claim(at.plusSeconds(wait).minusMillis(1)), "too early");
      at = at.plusSeconds(wait);
      assertEquals(at, callback.nextAttemptAt());
    }
    while (callback.attempts() < PartnerCallback.GIVE_UP_AFTER) {
      assertTrue(callback.claim(at));
      callback.failed("away", false, at);
      at = at.plus(Duration.ofMinutes(5));
    }
    assertEquals(PartnerCallback.State.GIVEN_UP, callback.state());
    assertFalse(callback.claim(at.plus(Duration.ofDays(1))));
  }

  @Test
  void aDeliveredOrRefusedCallbackIsDone() {
    PartnerCallback delivered = callback();
    delivered.claim(NOW);
    delivered.delivered(NOW);
    assertEquals(PartnerCallback.State.DELIVERED, delivered.state());
    assertFalse(delivered.claim(NOW.plusSeconds(60)));

    PartnerCallback refused = callback();
    refused.claim(NOW);
    refused.failed("HTTP 404", true, NOW);
    assertEquals(PartnerCallback.State.GIVEN_UP, refused.state());
  }
}

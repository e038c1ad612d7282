package dev.escrow.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.escrow.platform.security.CallbackSignature.Check;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

  private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");
  private static final String BODY = "{\"eventId\":\"e1\",\"status\":\"COMPLETED\"}";

  @Test
  void theRightSecretOverTheSameBodyWithinFiveMinutesIsValid() {
    String header = CallbackSignature.sign("s3cret", NOW, BODY);
    assertEquals(Check.VALID, CallbackSignature.verify("s3cret", header, BODY, NOW));
    assertEquals(
        Check.VALID, CallbackSignature.verify("s3cret", header, BODY, NOW.plusSeconds(300)));
    assertEquals(
        Check.VALID, CallbackSignature.verify("s3cret", header, BODY, NOW.minusSeconds(300)));
  }

  @Test
  void aKnownVector() {
    // echo -n '1700000000.{}' | openssl dgst -sha256 -hmac key
    assertEquals(
        "t=1700000000,v1=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae",
        CallbackSignature.sign("key", Instant.ofEpochSecond(1700000000), "{}"));
  }

  @Test
  void anotherBodySecretOrTimeIsRefused() {
    String header = CallbackSignature.sign("s3cret", NOW, BODY);
    assertEquals(
        Check.WRONG,
        CallbackSignature.verify("s3cret", header, BODY.replace("COMPLETED", "FAILED"), NOW));
    assertEquals(Check.WRONG, CallbackSignature.verify("other", header, BODY, NOW));
    String shifted = header.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() + 1));
    assertEquals(Check.WRONG, CallbackSignature.verify("s3cret", shifted, BODY, NOW));
    assertEquals(
        Check.STALE, CallbackSignature.verify("s3cret", header, BODY, NOW.plusSeconds(301)));
    assertEquals(
        Check.STALE, CallbackSignature.verify("s3cret", header, BODY, NOW.minusSeconds(301)));
  }

  @Test
  void aMissingOrMalformedHeaderIsRefused() {
    assertEquals(Check.MISSING, CallbackSignature.verify("s", null, BODY, NOW));
    assertEquals(Check.MISSING, CallbackSignature.verify("s", " ", BODY, NOW));
    assertEquals(Check.MALFORMED, CallbackSignature.verify("s", "v1=abc", BODY, NOW));
    assertEquals(Check.MALFORMED, CallbackSignature.verify("s", "t=x,v1=abc", BODY, NOW));
    assertEquals(Check.MALFORMED, CallbackSignature.verify("s", "t=1", BODY, NOW));
  }
}

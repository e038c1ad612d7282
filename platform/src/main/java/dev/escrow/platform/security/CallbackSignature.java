package dev.escrow.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a callback between two parties that share a secret: {@code t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "t.body">}, sent as the {@code Escrow-Signature} header. The
 * timestamp is signed with the body, so an old request cannot be given a new time; the receiver
 * refuses a time more than {@link #TOLERANCE} away from its own clock.
 */
public final class CallbackSignature {

  public static final String HEADER = "Escrow-Signature";
  public static final String EVENT_ID_HEADER = "Escrow-Event-Id";
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** Why a signature was refused, or that it is right. */
  public enum Check {
    VALID,
    MISSING,
    MALFORMED,
    STALE,
    WRONG
  }

  private CallbackSignature() {}

  /** The header value for this body, signed at {@code now}. */
  public static String sign(String secret, Instant now, String body) {
    long t = now.getEpochSecond();
    return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
  }

  public static Check verify(String secret, String header, String body, Instant now) {
    if (header == null || header.isBlank() || body == null) {
      return Check.MISSING;
    }
    if (header.length() > 300) {
      return Check.MALFORMED;
    }
    Long t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String item = part.strip();
      if (item.startsWith("t=")) {
        try {
          t = Long.parseLong(item.substring(2));
        } catch (NumberFormatException e) {
          return Check.MALFORMED;
        }
      } else if (item.startsWith("v1=")) {
        v1 = item.substring(3);
      }
    }
    if (t == null || v1 == null) {
      return Check.MALFORMED;
    }
    if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
      return Check.STALE;
    }
    byte[] expected = hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = v1.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Check.VALID : Check.WRONG;
  }

  static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}

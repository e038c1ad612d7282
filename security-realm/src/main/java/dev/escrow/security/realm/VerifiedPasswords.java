package dev.escrow.security.realm;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a while, that a login's password matched its stored hash, so that the next request
 * with the same credentials needs no bcrypt. Only successes are remembered; a wrong guess always
 * goes to bcrypt (and to the API's throttle).
 *
 * <p>An entry is a key, never the password: HMAC-SHA256 under a secret drawn at random when the
 * server starts over the login, the password and the stored hash. A new password (or a new hash of
 * the same one) makes a new key, so an old entry can no longer match; a disabled or removed user
 * has no stored hash at all and never gets this far. Entries expire after {@code ttlNanos} from
 * their bcrypt check, and the least recently used ones are dropped beyond {@code maxEntries}.
 */
final class VerifiedPasswords {

  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec secret;
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Long> expiries;

  VerifiedPasswords(int maxEntries, long ttlNanos, LongSupplier nanoClock) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.secret = new SecretKeySpec(bytes, HMAC);
    this.ttlNanos = ttlNanos;
    this.nanoClock = nanoClock;
    this.expiries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** Whether this password was verified against this stored hash less than the TTL ago. */
  boolean contains(String login, char[] password, String storedHash) {
    if (ttlNanos <= 0) {
      return false;
    }
    String key = key(login, password, storedHash);
    long now = nanoClock.getAsLong();
    synchronized (expiries) {
      Long expiry = expiries.get(key);
      if (expiry == null) {
        return false;
      }
      if (now - expiry >= 0) {
        expiries.remove(key);
        return false;
      }
      return true;
    }
  }

  /** Records a successful bcrypt check. */
  void add(String login, char[] password, String storedHash) {
    if (ttlNanos <= 0) {
      return;
    }
    String key = key(login, password, storedHash);
    long expiry = nanoClock.getAsLong() + ttlNanos;
    synchronized (expiries) {
      expiries.put(key, expiry);
    }
  }

  int size() {
    synchronized (expiries) {
      return expiries.size();
    }
  }

  private String key(String login, char[] password, String storedHash) {
    ByteBuffer clear = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] passwordBytes = new byte[clear.remaining()];
    clear.get(passwordBytes);
    Arrays.fill(clear.array(), (byte) 0);
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(secret);
      // Each part with its length first: no two different triples feed the same bytes.
      part(mac, login.getBytes(StandardCharsets.UTF_8));
      part(mac, passwordBytes);
      part(mac, storedHash.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  private static void part(Mac mac, byte[] bytes) {
    mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    mac.update(bytes);
  }
}

package dev.escrow.security.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

  private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
  private final AtomicLong now = new AtomicLong(1_000);
  private final VerifiedPasswords cache = new VerifiedPasswords(3, 100, now::get);

  @Test
  void remembersOnlyTheVerifiedPasswordForThatHash() {
    cache.add("ann", "secret".toCharArray(), HASH);

    assertTrue(cache.contains("ann", "secret".toCharArray(), HASH));
    assertFalse(cache.contains("ann", "Secret".toCharArray(), HASH), "another password");
    assertFalse(cache.contains("bob", "secret".toCharArray(), HASH), "another login");
    assertFalse(cache.contains("ann", "secret".toCharArray(), HASH + "x"), "a changed hash");
    assertFalse(cache.contains("annsecret", "".toCharArray(), HASH), "parts do not run together");
  }

  @Test
  void forgetsAfterTheTtl() {
    cache.add("ann", "secret".toCharArray(), HASH);
    now.addAndGet(99);
    assertTrue(cache.contains("ann", "secret".toCharArray(), HASH));
    now.addAndGet(1);
    assertFalse(cache.contains("ann", "secret".toCharArray(), HASH));
    assertEquals(0, cache.size());
  }

  @Test
  void dropsTheLeastRecentlyUsedBeyondTheBound() {
    cache.add("a", "1".toCharArray(), HASH);
    cache.add("b", "2".toCharArray(), HASH);
    cache.add("c", "3".toCharArray(), HASH);
    assertTrue(cache.contains("a", "1".toCharArray(), HASH)); // a is now the most recent
    cache.add("d", "4".toCharArray(), HASH);

    assertEquals(3, cache.size());
    assertFalse(cache.contains("b", "2".toCharArray(), HASH));
    assertTrue(cache.contains("a", "1".toCharArray(), HASH));
  }

  @Test
  void aZeroTtlTurnsTheCacheOff() {
    VerifiedPasswords off = new VerifiedPasswords(3, 0, now::get);
    off.add("ann", "secret".toCharArray(), HASH);
    assertFalse(off.contains("ann", "secret".toCharArray(), HASH));
  }

  @Test
  void bcryptChecksAModularCryptHash() throws Exception {
    String hash =
        org.wildfly.security.password.util.ModularCrypt.encodeAsString(
            org.wildfly.security.password.PasswordFactory.getInstance(
                    "bcrypt",
                    org.wildfly.security.password.WildFlyElytronPasswordProvider.getInstance())
                .generatePassword(
                    new org.wildfly.security.password.spec.EncryptablePasswordSpec(
                        "secret".toCharArray(),
                        new org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec(
                            4, new byte[16]))));

    assertTrue(CachingJdbcRealm.bcrypt(hash, "secret".toCharArray()));
    assertFalse(CachingJdbcRealm.bcrypt(hash, "wrong".toCharArray()));
    assertFalse(CachingJdbcRealm.bcrypt("not a hash", "secret".toCharArray()));
  }
}

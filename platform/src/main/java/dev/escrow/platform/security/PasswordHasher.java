package dev.escrow.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Hashes passwords with bcrypt in the modular-crypt form ({@code $2a$...}) that the server's
 * Elytron realm verifies at sign-in. The cost is a trade: every API request signs in again.
 */
@ApplicationScoped
public class PasswordHasher {

  static final int COST = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  public String hash(String password) {
    try {
      byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
      RANDOM.nextBytes(salt);
      Password hashed =
          factory()
              .generatePassword(
                  new EncryptablePasswordSpec(
                      password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(COST, salt)));
      return ModularCrypt.encodeAsString(hashed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("bcrypt is not available", e);
    }
  }

  public boolean matches(String password, String hash) {
    try {
      PasswordFactory factory = factory();
      Password stored = factory.translate(ModularCrypt.decode(hash));
      return factory.verify(stored, password.toCharArray());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PasswordFactory factory() throws GeneralSecurityException {
    return PasswordFactory.getInstance(
        BCryptPassword.ALGORITHM_BCRYPT, WildFlyElytronPasswordProvider.getInstance());
  }
}

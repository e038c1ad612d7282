package dev.escrow.platform.persistence;

import dev.escrow.platform.security.PasswordHasher;
import jakarta.transaction.UserTransaction;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The sign-in a domain creates for itself on the first start (the marketplace's administrator, the
 * bank's operator): its password comes from an environment variable or, when that is unset, is
 * random and printed once in the log; there is never a fixed default. Later starts leave the
 * account as it is. Created with {@link StartupInsert}, so two nodes starting at once on an empty
 * database create it once (the unique login decides). The domain says only how to find and how to
 * make its account ({@link Store}).
 */
public final class BuiltInAccount {

  private static final Logger LOG = Logger.getLogger(BuiltInAccount.class.getName());

  /** How a domain finds and makes its account, each inside the try's transaction. */
  public interface Store {
    boolean exists();

    void create(String passwordHash);
  }

  private BuiltInAccount() {}

  /**
   * Creates the account {@code name} (such as "the administrator 'admin'") unless it exists, with
   * the password {@code configured} (the environment variable {@code variable}) or a random one.
   * Answers whether it created it.
   */
  public static boolean createOnce(
      UserTransaction tx,
      PasswordHasher hasher,
      String name,
      String variable,
      Optional<String> configured,
      Store store) {
    Optional<String> given = configured.filter(p -> !p.isBlank());
    String password = given.orElseGet(BuiltInAccount::randomPassword);
    String hash = hasher.hash(password);
    boolean created =
        StartupInsert.once(
            tx,
            name,
            () -> {
              if (store.exists()) {
                return false;
              }
              store.create(hash);
              return true;
            });
    if (!created) {
      return false;
    }
    if (given.isPresent()) {
      LOG.info("Created " + name + " with the password from " + variable);
    } else {
      LOG.warning(
          variable
              + " is not set: created "
              + name
              + " with the generated password "
              + password
              + " (shown once; change it by setting the variable before the first start)");
    }
    return true;
  }

  /** A password nobody chose: 16 URL-safe characters from 96 random bits. */
  public static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

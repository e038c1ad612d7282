package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.user.User;
import dev.escrow.marketplace.domain.user.UserRepository;
import dev.escrow.platform.persistence.StartupInsert;
import dev.escrow.platform.security.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the built-in administrator on the first start: login {@code admin}, the password from
 * {@code MARKETPLACE_ADMIN_PASSWORD}; when that is unset, a random one, printed once in the log.
 * There is never a fixed default password. Later starts leave the administrator as it is. Two nodes
 * starting at once on an empty database create it once (StartupInsert: the unique login decides).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class AdministratorBootstrap {

  private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

  @Inject UserRepository users;
  @Inject PasswordHasher hasher;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "marketplace.admin.password")
  Optional<String> configuredPassword;

  @Resource UserTransaction tx;

  @PostConstruct
  void createAdministratorOnce() {
    String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(this::randomPassword);
    boolean created =
        StartupInsert.once(
            tx,
            "the administrator",
            () -> {
              if (users.loginTaken(User.ADMIN_LOGIN)) {
                return false;
              }
              users.add(User.administrator(hasher.hash(password), clock.instant()));
              return true;
            });
    if (!created) {
      return;
    }
    if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
      LOG.info(
          "Created the administrator 'admin' with the password from MARKETPLACE_ADMIN_PASSWORD");
    } else {
      LOG.warning(
          "MARKETPLACE_ADMIN_PASSWORD is not set: created the administrator 'admin' with the"
              + " generated password "
              + password
              + " (shown once; change it by setting the variable before the first start)");
    }
  }

  private String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

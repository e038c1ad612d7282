package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.user.User;
import dev.escrow.marketplace.domain.user.UserRepository;
import dev.escrow.platform.persistence.BuiltInAccount;
import dev.escrow.platform.security.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the built-in administrator (login {@code admin}) on the first start, with the password
 * from {@code MARKETPLACE_ADMIN_PASSWORD} or a random one printed once (platform's BuiltInAccount).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class AdministratorBootstrap {

  @Inject UserRepository users;
  @Inject PasswordHasher hasher;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "marketplace.admin.password")
  Optional<String> configuredPassword;

  @Resource UserTransaction tx;

  @PostConstruct
  void createAdministratorOnce() {
    BuiltInAccount.createOnce(
        tx,
        hasher,
        "the administrator '" + User.ADMIN_LOGIN + "'",
        "MARKETPLACE_ADMIN_PASSWORD",
        configuredPassword,
        new BuiltInAccount.Store() {
          @Override
          public boolean exists() {
            return users.loginTaken(User.ADMIN_LOGIN);
          }

          @Override
          public void create(String passwordHash) {
            users.add(User.administrator(passwordHash, clock.instant()));
          }
        });
  }
}

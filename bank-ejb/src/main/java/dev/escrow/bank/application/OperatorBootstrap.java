package dev.escrow.bank.application;

import dev.escrow.bank.domain.operator.Operator;
import dev.escrow.platform.persistence.StartupInsert;
import dev.escrow.platform.security.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the bank's operator on the first start, with the password from {@code
 * BANK_OPERATOR_PASSWORD}, or a random one printed once in the log. No fixed default. Two nodes
 * starting at once on an empty database create it once (StartupInsert: the unique login decides).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class OperatorBootstrap {

  private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  @Inject PasswordHasher hasher;

  @Inject
  @ConfigProperty(name = "bank.operator.password")
  Optional<String> configuredPassword;

  @Resource UserTransaction tx;

  @PostConstruct
  void createOperatorOnce() {
    Optional<String> given = configuredPassword.filter(p -> !p.isBlank());
    String password = given.orElseGet(OperatorBootstrap::randomPassword);
    boolean created =
        StartupInsert.once(
            tx,
            "the bank operator",
            () -> {
              boolean exists =
                  !em.createQuery("select o from Operator o where o.login = :l", Operator.class)
                      .setParameter("l", Operator.LOGIN)
                      .getResultList()
                      .isEmpty();
              if (exists) {
                return false;
              }
              em.persist(new Operator(hasher.hash(password), Instant.now()));
              em.flush();
              return true;
            });
    if (!created) {
      return;
    }
    if (given.isPresent()) {
      LOG.info(
          "Created the bank operator 'operator' with the password from BANK_OPERATOR_PASSWORD");
    } else {
      LOG.warning(
          "BANK_OPERATOR_PASSWORD is not set: created the bank operator 'operator' with the"
              + " generated password "
              + password
              + " (shown once)");
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

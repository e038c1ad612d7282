package dev.escrow.bank.application;

import dev.escrow.bank.domain.operator.Operator;
import dev.escrow.platform.persistence.BuiltInAccount;
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
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the bank's operator on the first start, with the password from {@code
 * BANK_OPERATOR_PASSWORD} or a random one printed once (platform's BuiltInAccount).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class OperatorBootstrap {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bank.operator.password")
  Optional<String> configuredPassword;

  @Resource UserTransaction tx;

  @PostConstruct
  void createOperatorOnce() {
    BuiltInAccount.createOnce(
        tx,
        hasher,
        "the bank operator '" + Operator.LOGIN + "'",
        "BANK_OPERATOR_PASSWORD",
        configuredPassword,
        new BuiltInAccount.Store() {
          @Override
          public boolean exists() {
            return !em.createQuery("select o.id from Operator o where o.login = :l")
                .setParameter("l", Operator.LOGIN)
                .getResultList()
                .isEmpty();
          }

          @Override
          public void create(String passwordHash) {
            em.persist(new Operator(passwordHash, clock.instant()));
            em.flush();
          }
        });
  }
}

package dev.escrow.marketplace.domain.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The banks the administrator registered. */
@ApplicationScoped
public class BankRepository {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  public Optional<Bank> findById(long id) {
    return Optional.ofNullable(em.find(Bank.class, id));
  }

  public boolean requisiteTaken(String requisite) {
    return !em.createQuery("select b.id from Bank b where b.requisite = :r", Long.class)
        .setParameter("r", requisite)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public boolean nameTaken(String name) {
    return !em.createQuery("select b.id from Bank b where lower(b.name) = :n", Long.class)
        .setParameter("n", name.strip().toLowerCase(java.util.Locale.ROOT))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public List<Bank> all() {
    return em.createQuery("select b from Bank b order by b.name, b.id", Bank.class).getResultList();
  }

  /** Adds it; one that a concurrent request added first (a unique key) is a conflict. */
  public Bank add(Bank bank) {
    try {
      em.persist(bank);
      em.flush();
      return bank;
    } catch (jakarta.persistence.PersistenceException duplicate) {
      throw new dev.escrow.marketplace.domain.StateConflictException(
          "The same bank was added at the same moment");
    }
  }
}

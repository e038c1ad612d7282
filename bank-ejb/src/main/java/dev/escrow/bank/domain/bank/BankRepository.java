package dev.escrow.bank.domain.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The simulated banks, by code or requisite. */
@ApplicationScoped
public class BankRepository {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  public List<Bank> all() {
    return em.createQuery("select b from Bank b order by b.code", Bank.class).getResultList();
  }

  public Optional<Bank> byRequisite(String requisite) {
    return em.createQuery("select b from Bank b where b.requisite = :r", Bank.class)
        .setParameter("r", requisite)
        .getResultStream()
        .findFirst();
  }

  public Optional<Bank> byCode(String code) {
    return em.createQuery("select b from Bank b where b.code = :c", Bank.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst();
  }
}

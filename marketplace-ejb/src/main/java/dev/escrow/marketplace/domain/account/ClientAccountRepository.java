package dev.escrow.marketplace.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Clients' bound accounts; every read by owner, so nobody reaches another's account. */
@ApplicationScoped
public class ClientAccountRepository {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  public List<ClientAccount> ofOwner(long ownerId) {
    return em.createQuery(
            "select a from ClientAccount a join fetch a.bank where a.owner.id = :o order by a.id",
            ClientAccount.class)
        .setParameter("o", ownerId)
        .getResultList();
  }

  /** The account if it exists and belongs to that owner. */
  public Optional<ClientAccount> findOwned(long id, long ownerId) {
    return em.createQuery(
            "select a from ClientAccount a where a.id = :id and a.owner.id = :o",
            ClientAccount.class)
        .setParameter("id", id)
        .setParameter("o", ownerId)
        .getResultStream()
        .findFirst();
  }

  public Optional<ClientAccount> findById(long id) {
    return Optional.ofNullable(em.find(ClientAccount.class, id));
  }

  public boolean bound(long bankId, String number) {
    return !em.createQuery(
            "select a.id from ClientAccount a where a.bank.id = :b and a.number = :n", Long.class)
        .setParameter("b", bankId)
        .setParameter("n", number)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Adds it; one that a concurrent request added first (a unique key) is a conflict. */
  public ClientAccount add(ClientAccount account) {
    try {
      em.persist(account);
      em.flush();
      return account;
    } catch (jakarta.persistence.PersistenceException duplicate) {
      throw new dev.escrow.marketplace.domain.StateConflictException(
          "The same account was added at the same moment");
    }
  }
}

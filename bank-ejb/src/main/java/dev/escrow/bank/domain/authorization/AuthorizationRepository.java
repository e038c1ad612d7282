package dev.escrow.bank.domain.authorization;

import dev.escrow.bank.domain.partner.ApiClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Authorizations by their public id, within one partner's. */
@ApplicationScoped
public class AuthorizationRepository {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  public void add(Authorization authorization) {
    em.persist(authorization);
  }

  /** The address this authorization's code was mailed to (for the demo outbox page). */
  public Optional<String> recipientOf(String publicId) {
    return em.createQuery(
            "select a.account.customer.email from Authorization a where a.publicId = :p",
            String.class)
        .setParameter("p", publicId == null ? "" : publicId.strip())
        .getResultStream()
        .findFirst();
  }

  /** The authorization, locked: concurrent tries of one code are counted one at a time. */
  public Optional<Authorization> lock(ApiClient client, String publicId) {
    Optional<Long> id =
        em.createQuery(
                "select a.id from Authorization a where a.publicId = :p and a.client = :c",
                Long.class)
            .setParameter("p", publicId)
            .setParameter("c", client)
            .getResultStream()
            .findFirst();
    return id.map(
        found -> {
          Authorization a = em.find(Authorization.class, found);
          // Locked by this transaction already (an earlier item of a batch): it is as we left it.
          if (em.getLockMode(a) != LockModeType.PESSIMISTIC_WRITE) {
            em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
          }
          return a;
        });
  }
}

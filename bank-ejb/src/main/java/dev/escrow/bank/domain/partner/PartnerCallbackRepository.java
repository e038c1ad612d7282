package dev.escrow.bank.domain.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The outbox of callbacks to partners. */
@ApplicationScoped
public class PartnerCallbackRepository {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  public void add(PartnerCallback callback) {
    em.persist(callback);
  }

  /** The callback, its row locked until the transaction ends (null when there is none). */
  public PartnerCallback lock(long id) {
    PartnerCallback callback = em.find(PartnerCallback.class, id);
    if (callback != null) {
      em.refresh(callback, LockModeType.PESSIMISTIC_WRITE);
    }
    return callback;
  }

  /** Pending callbacks whose time has come, the longest waiting first. */
  public List<Long> due(Instant now, int max) {
    return em.createQuery(
            "select c.id from PartnerCallback c where c.state = :s and c.nextAttemptAt <= :now"
                + " order by c.nextAttemptAt, c.id",
            Long.class)
        .setParameter("s", PartnerCallback.State.PENDING)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  public List<PartnerCallback> ofTransfer(long transferId) {
    return em.createQuery(
            "select c from PartnerCallback c where c.transferId = :t order by c.id",
            PartnerCallback.class)
        .setParameter("t", transferId)
        .getResultList();
  }
}

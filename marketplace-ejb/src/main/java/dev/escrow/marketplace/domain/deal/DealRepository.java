package dev.escrow.marketplace.domain.deal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Deals by id, by participant, and the ones the jobs must look at. */
@ApplicationScoped
public class DealRepository {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  public Deal add(Deal deal) {
    em.persist(deal);
    em.flush();
    return deal;
  }

  public Optional<Deal> findById(long id) {
    return Optional.ofNullable(em.find(Deal.class, id));
  }

  /**
   * The row, locked, with what is committed now. An entity this transaction already read (e.g.
   * through a lazy association) is re-read under the lock: {@code em.find(.., PESSIMISTIC_WRITE)}
   * on it would only compare versions and fail with "Row was updated" when another transaction
   * committed in between (the crash test's concurrent payments of one deal did).
   */
  public Optional<Deal> findForUpdate(long id) {
    Deal found = em.find(Deal.class, id);
    if (found == null) {
      return Optional.empty();
    }
    em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
    return Optional.of(found);
  }

  public List<Deal> ofBuyer(long buyerId) {
    return em.createQuery(
            "select d from Deal d join fetch d.offer where d.buyer.id = :u order by d.id desc",
            Deal.class)
        .setParameter("u", buyerId)
        .getResultList();
  }

  public List<Deal> ofSeller(long sellerId) {
    return em.createQuery(
            "select d from Deal d join fetch d.offer where d.seller.id = :u order by d.id desc",
            Deal.class)
        .setParameter("u", sellerId)
        .getResultList();
  }

  public List<Deal> all(int first, int max) {
    return em.createQuery("select d from Deal d order by d.id desc", Deal.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** Open deals whose deadline has passed, oldest first. */
  public List<Long> overdue(Instant now, int max, int partition, int partitions) {
    return em.createQuery(
            "select d.id from Deal d where d.status in :open and d.dueAt <= :now"
                + " and mod(d.id, :partitions) = :partition order by d.dueAt",
            Long.class)
        .setParameter("open", List.of(DealState.AWAITING_PAYMENT, DealState.IN_PROGRESS))
        .setParameter("now", now)
        .setParameter("partitions", partitions)
        .setParameter("partition", partition)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Paid deals whose money the bank has yet to settle; not those whose settlement the bank refused
   * for good (they wait for the administrator).
   */
  public List<Long> withSettlementDue(int max) {
    return em.createQuery(
            "select d.id from Deal d where d.payout = :due and d.payoutRefusal is null"
                + " order by d.closedAt",
            Long.class)
        .setParameter("due", Payout.SETTLE_DUE)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Expired deals of one partition (id modulo {@code partitions}) whose payments the bank has yet
   * to return, with their operation keys, oldest first; not those whose reversal the bank refused
   * for good (they wait for the administrator).
   */
  public List<ReversalDue> withReversalDue(int max, int partition, int partitions) {
    return em
        .createQuery(
            "select d.id, d.operationKey from Deal d where d.payout = :due"
                + " and d.payoutRefusal is null and mod(d.id, :partitions) = :partition"
                + " order by d.closedAt, d.id",
            Object[].class)
        .setParameter("due", Payout.REVERSE_DUE)
        .setParameter("partitions", partitions)
        .setParameter("partition", partition)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(row -> new ReversalDue((Long) row[0], (String) row[1]))
        .toList();
  }

  /** An expired deal whose money is still to be returned, and the operation that holds it. */
  public record ReversalDue(long dealId, String operationKey) {}

  /** How many deals have a payout the bank refused for good (a gauge for the operator). */
  public long countPayoutsRefused() {
    return em.createQuery(
            "select count(d) from Deal d where d.payoutRefusal is not null", Long.class)
        .getSingleResult();
  }

  public List<Object[]> countByStatus() {
    return em.createQuery("select d.status, count(d) from Deal d group by d.status", Object[].class)
        .getResultList();
  }

  /** Whether some deal has this added status now. */
  public boolean anyAtStage(String code) {
    return !em.createQuery("select d.id from Deal d where d.stage = :code", Long.class)
        .setParameter("code", code)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}

package dev.escrow.marketplace.domain.payment;

import dev.escrow.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Payments by id, by deal, and those the background work still has to resolve. */
@ApplicationScoped
public class PaymentRepository {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  public Payment add(Payment payment) {
    em.persist(payment);
    em.flush();
    return payment;
  }

  public Optional<Payment> findById(long id) {
    return Optional.ofNullable(em.find(Payment.class, id));
  }

  /**
   * The row, locked, with what is committed now. An entity this transaction already read (e.g.
   * through a lazy association) is re-read under the lock: {@code em.find(.., PESSIMISTIC_WRITE)}
   * on it would only compare versions and fail with "Row was updated" when another transaction
   * committed in between (the crash test's concurrent payments of one deal did).
   */
  public Optional<Payment> findForUpdate(long id) {
    Payment found = em.find(Payment.class, id);
    if (found == null) {
      return Optional.empty();
    }
    em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
    return Optional.of(found);
  }

  /** The payments of these deals, in one query: by deal id, each oldest first. */
  public Map<Long, List<Payment>> ofDeals(Collection<Long> dealIds) {
    if (dealIds.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "select p from Payment p where p.deal.id in :d order by p.id", Payment.class)
        .setParameter("d", dealIds)
        .getResultStream()
        .collect(Collectors.groupingBy(p -> p.deal().id()));
  }

  public List<Payment> ofDeal(long dealId) {
    return em.createQuery(
            "select p from Payment p where p.deal.id = :d order by p.id", Payment.class)
        .setParameter("d", dealId)
        .getResultList();
  }

  public List<Payment> withStatus(long dealId, PaymentStatus status) {
    return em.createQuery(
            "select p from Payment p where p.deal.id = :d and p.status = :s order by p.id",
            Payment.class)
        .setParameter("d", dealId)
        .setParameter("s", status)
        .getResultList();
  }

  /** What confirmed payments of the deal will bring once the bank carries them out. */
  public Money pendingAmount(long dealId) {
    BigDecimal sum =
        em.createQuery(
                "select coalesce(sum(p.amount), 0) from Payment p where p.deal.id = :d and p.status = :s",
                BigDecimal.class)
            .setParameter("d", dealId)
            .setParameter("s", PaymentStatus.PROCESSING)
            .getSingleResult();
    return Money.ofStored(sum);
  }

  /** Confirmed payments the bank has not answered for since {@code before}: to look at again. */
  public List<Long> processingSince(Instant before, int max) {
    return em.createQuery(
            "select p.id from Payment p where p.status = :s and p.paidAt < :before order by p.paidAt",
            Long.class)
        .setParameter("s", PaymentStatus.PROCESSING)
        .setParameter("before", before)
        .setMaxResults(max)
        .getResultList();
  }

  /** Payments whose code went to the bank before {@code before} with no answer recorded. */
  public List<Long> confirmingSince(Instant before, int max) {
    return em.createQuery(
            "select p.id from Payment p where p.confirmingSince < :before and p.status = :s"
                + " order by p.confirmingSince",
            Long.class)
        .setParameter("s", PaymentStatus.AWAITING_CONFIRMATION)
        .setParameter("before", before)
        .setMaxResults(max)
        .getResultList();
  }

  public List<Payment> all(int first, int max) {
    return em.createQuery("select p from Payment p order by p.id desc", Payment.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** Whether the bank's event with this id was taken already. */
  public boolean received(String eventId) {
    return em.find(BankEvent.class, eventId) != null;
  }

  public void add(BankEvent event) {
    em.persist(event);
  }
}

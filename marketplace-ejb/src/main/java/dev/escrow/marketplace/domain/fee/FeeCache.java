package dev.escrow.marketplace.domain.fee;

import dev.escrow.platform.money.Percent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The marketplace's copy of the bank's fee schedule. Quotes and payments read only this copy, never
 * the bank live; the fee-refresh job replaces it whole.
 */
@ApplicationScoped
public class FeeCache {

  /** A route of the bank's schedule, as the bank lists it. */
  public record Rate(String fromRequisite, String toRequisite, Percent percent) {}

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  /** The fee between two banks: none within one bank, nor for a route the bank does not list. */
  public Percent percentBetween(String fromRequisite, String toRequisite) {
    if (fromRequisite.equals(toRequisite)) {
      return Percent.ZERO;
    }
    FeeRate rate = em.find(FeeRate.class, new FeeRate.Route(fromRequisite, toRequisite));
    return rate == null ? Percent.ZERO : rate.percent();
  }

  /** True until a refresh has copied the bank's schedule (or when the bank lists no route). */
  public boolean isEmpty() {
    return em.createQuery("select count(r) from FeeRate r", Long.class).getSingleResult() == 0;
  }

  public int replaceWith(List<Rate> schedule, Instant now) {
    em.createQuery("delete from FeeRate").executeUpdate();
    for (Rate rate : schedule) {
      em.persist(new FeeRate(rate.fromRequisite(), rate.toRequisite(), rate.percent(), now));
    }
    return schedule.size();
  }
}

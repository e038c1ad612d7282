package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.deal.DealState;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.platform.money.Money;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The administrator's figures: deals by status, money paid and commission earned per day (UTC). */
@Stateless
public class Dashboard {

  public record Day(LocalDate date, Money paid, Money commission) {}

  public record Figures(Map<DealState, Long> dealsByStatus, List<Day> days) {}

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  @Inject Clock clock;

  public Figures figures(int days) {
    Map<DealState, Long> byStatus = new EnumMap<>(DealState.class);
    for (DealState state : DealState.values()) {
      byStatus.put(state, 0L);
    }
    for (Object[] row :
        em.createQuery("select d.status, count(d) from Deal d group by d.status", Object[].class)
            .getResultList()) {
      byStatus.put((DealState) row[0], (Long) row[1]);
    }
    Instant since = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(days - 1L, ChronoUnit.DAYS);
    Map<LocalDate, Money[]> perDay = new TreeMap<>();
    for (int i = 0; i < days; i++) {
      perDay.put(
          LocalDate.ofInstant(since, ZoneOffset.UTC).plusDays(i),
          new Money[] {Money.ZERO, Money.ZERO});
    }
    for (Payment p :
        em.createQuery(
                "select p from Payment p where p.status = :s and p.paidAt >= :since", Payment.class)
            .setParameter("s", PaymentStatus.SUCCEEDED)
            .setParameter("since", since)
            .getResultList()) {
      Money[] day = perDay.get(LocalDate.ofInstant(p.paidAt(), ZoneOffset.UTC));
      if (day != null) {
        day[0] = day[0].plus(p.amount());
      }
    }
    for (Deal d :
        em.createQuery(
                "select d from Deal d where d.status = :s and d.closedAt >= :since", Deal.class)
            .setParameter("s", DealState.COMPLETED)
            .setParameter("since", since)
            .getResultList()) {
      Money[] day = perDay.get(LocalDate.ofInstant(d.closedAt(), ZoneOffset.UTC));
      if (day != null) {
        day[1] = day[1].plus(d.commission());
      }
    }
    return new Figures(
        byStatus,
        perDay.entrySet().stream()
            .map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList());
  }
}

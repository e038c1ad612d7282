package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.DealStatusService;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.application.deal.Dashboard;
import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.application.deal.PaymentService;
import dev.escrow.marketplace.application.deal.Payouts;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.dealstatus.DealStatus;
import dev.escrow.marketplace.domain.history.StatusChange;
import dev.escrow.marketplace.infrastructure.jobs.Jobs;
import dev.escrow.marketplace.infrastructure.messaging.DeadLetters;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Admin: the dashboard, all deals with their history, all payments, the batch jobs. */
@Named
@RequestScoped
public class AdminDealsPage {

  public record Bar(String label, String value, int percent) {}

  public record DealLine(
      long id,
      String title,
      String buyer,
      String seller,
      String price,
      String paid,
      String commission,
      String status,
      String payout,
      Instant dueAt,
      List<HistoryLine> history,
      String stage,
      String payoutRefusal) {}

  /** One step of a deal's history as a person reads it: labels, a date, a name. */
  public record HistoryLine(Instant at, String from, String to, String reason, String by) {}

  public record PaymentLine(
      long id,
      long dealId,
      String payer,
      String amount,
      String fee,
      String total,
      String status,
      Instant paidAt,
      String failureReason,
      String dealTitle) {

    public String shownStatus() {
      return PaymentLabels.shownStatus(status, failureReason);
    }

    public String shownReason() {
      return PaymentLabels.shownReason(failureReason);
    }

    public Instant shownPaidAt() {
      return PaymentLabels.shownPaidAt(status, paidAt);
    }
  }

  public record JobLine(
      long id, String name, String status, String exitStatus, Instant started, Instant ended) {

    /** "Просроченные сделки и возвраты", not "refund-sweep". */
    public String shownName() {
      return Pages.text("job." + name);
    }

    public String shownStatus() {
      return Pages.text("job.status." + status);
    }

    /** The job's counts in the page's language ("просрочено сделок: 2, …"). */
    public String shownResult() {
      return HistoryReasons.jobResult(exitStatus);
    }
  }

  @Inject DealService deals;
  @Inject DealStatusService statuses;
  @Inject StatusNames names;
  @Inject PaymentService payments;
  @Inject Dashboard dashboard;
  @Inject Jobs jobs;
  @Inject DeadLetters deadLetters;
  @Inject Payouts payouts;
  private List<DeadLetters.DeadLetter> deadLetterList;

  private Dashboard.Figures figures;

  private Dashboard.Figures figures() {
    if (figures == null) {
      figures = dashboard.figures(14);
    }
    return figures;
  }

  public List<Bar> getDealsByStatus() {
    long max =
        Math.max(
            1,
            figures().dealsByStatus().values().stream().mapToLong(Long::longValue).max().orElse(1));
    return figures().dealsByStatus().entrySet().stream()
        .map(
            e ->
                new Bar(
                    names.name(e.getKey().name()),
                    String.valueOf(e.getValue()),
                    (int) (100 * e.getValue() / max)))
        .toList();
  }

  public List<Bar> getPaidPerDay() {
    return bars(true);
  }

  public List<Bar> getCommissionPerDay() {
    return bars(false);
  }

  private List<Bar> bars(boolean paid) {
    List<Dashboard.Day> days = figures().days();
    BigDecimal max =
        days.stream()
            .map(d -> (paid ? d.paid() : d.commission()).amount())
            .reduce(BigDecimal.ONE, BigDecimal::max);
    return days.stream()
        .map(
            d -> {
              Money value = paid ? d.paid() : d.commission();
              int percent =
                  value
                      .amount()
                      .multiply(BigDecimal.valueOf(100))
                      .divide(max, 0, RoundingMode.DOWN)
                      .intValue();
              return new Bar(Fmt.current().day(d.date()), Fmt.current().money(value), percent);
            })
        .toList();
  }

  private Long dealId;

  /** ?deal=N (the payments page links here): only that deal, its history open. */
  public Long getDealId() {
    return dealId;
  }

  public void setDealId(Long dealId) {
    this.dealId = dealId;
  }

  @Transactional
  public List<DealLine> getDeals() {
    Fmt fmt = Fmt.current();
    List<dev.escrow.marketplace.domain.deal.Deal> shown;
    if (dealId == null) {
      shown = deals.all(0, 200);
    } else {
      try {
        shown = List.of(deals.deal(dealId, Faces.getRemoteUser()));
      } catch (UnknownObjectException e) {
        shown = List.of();
      }
    }
    return deals.detailsOf(shown, false).stream()
        .map(
            details -> {
              var d = details.deal();
              return new DealLine(
                  d.id(),
                  d.offer().title(),
                  d.buyer().fullName(),
                  d.seller().fullName(),
                  d.price().toString(),
                  d.paidAmount().toString(),
                  fmt.money(d.commission())
                      + " ("
                      + fmt.percent(d.commissionPercent().value())
                      + " %)",
                  d.status().name(),
                  Pages.text("payout." + d.payout().name()),
                  d.dueAt(),
                  details.history().stream()
                      .map(
                          c ->
                              new HistoryLine(
                                  c.changedAt(),
                                  names.name(c.fromStatus()),
                                  names.name(c.toStatus()),
                                  HistoryReasons.text(c.reason()),
                                  StatusChange.SYSTEM.equals(c.actor())
                                      ? Pages.text("history.system")
                                      : c.actor()))
                      .toList(),
                  d.stage(),
                  d.payoutRefusal());
            })
        .toList();
  }

  private String moveTo;

  /** The admin's deal page (?deal=N): gives the deal a status the administrator added. */
  public void move() {
    if (dealId == null) {
      Messages.addGlobalError("error.notFound");
      return;
    }
    try {
      DealStatus to = statuses.byCode(moveTo);
      deals.moveToStatus(dealId, to, Faces.getRemoteUser());
      Messages.addGlobalInfo("admin.deals.moved", to.name());
    } catch (InvalidInputException e) {
      Messages.addError("moveForm:moveTo", "admin.deals.noSuchStatus");
    } catch (StateConflictException e) {
      Messages.addError("moveForm:moveTo", "admin.deals.alreadyThere");
    } catch (UnknownObjectException e) {
      Messages.addGlobalError("error.notFound");
    }
  }

  /** Asks the bank again for a payout it refused, once the administrator fixed the cause. */
  public void retryPayout(long id) {
    try {
      payouts.retry(id);
      Messages.addGlobalInfo("admin.deals.payoutRetried");
    } catch (StateConflictException e) {
      Messages.addGlobalError("admin.deals.payoutNotRefused");
    } catch (UnknownObjectException e) {
      Messages.addGlobalError("error.notFound");
    }
  }

  public String getMoveTo() {
    return moveTo;
  }

  public void setMoveTo(String moveTo) {
    this.moveTo = moveTo;
  }

  @Transactional
  public List<PaymentLine> getPayments() {
    return payments.all(0, 200).stream()
        .map(
            p ->
                new PaymentLine(
                    p.id(),
                    p.deal().id(),
                    p.payer().fullName(),
                    p.amount().toString(),
                    p.fee().toString(),
                    p.total().toString(),
                    p.status().name(),
                    p.paidAt(),
                    p.failureReason(),
                    p.deal().offer().title()))
        .toList();
  }

  /** What redelivery gave up on (the jobs page shows it under the jobs). */
  public List<DeadLetters.DeadLetter> getDeadLetters() {
    if (deadLetterList == null) {
      deadLetterList = deadLetters.list(100);
    }
    return deadLetterList;
  }

  public List<JobLine> getJobs() {
    return jobs.recent(30).stream().map(AdminDealsPage::line).toList();
  }

  public void start(String name) {
    JobExecution execution = jobs.start(name);
    Messages.addGlobalInfo("jobs.started", Pages.text("job." + name), execution.getExecutionId());
  }

  private static JobLine line(JobExecution e) {
    return new JobLine(
        e.getExecutionId(),
        e.getJobName(),
        e.getBatchStatus().name(),
        e.getExitStatus(),
        instant(e.getStartTime()),
        instant(e.getEndTime()));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  public String getFeeRefresh() {
    return Jobs.FEE_REFRESH;
  }

  public String getRefundSweep() {
    return Jobs.REFUND_SWEEP;
  }
}

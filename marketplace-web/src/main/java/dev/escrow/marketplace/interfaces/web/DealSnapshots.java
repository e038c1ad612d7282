package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.AccountService;
import dev.escrow.marketplace.application.deal.DealDetails;
import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Reads what the deal page shows in one transaction, as plain values the page can keep. */
@ApplicationScoped
public class DealSnapshots {

  public record DealRow(
      long id,
      String title,
      String seller,
      String buyer,
      String price,
      String paid,
      String remaining,
      Instant dueAt,
      String status,
      boolean buyer_,
      boolean payable,
      boolean open,
      boolean seller_,
      String payoutAmount,
      String payout,
      String sellerAccount,
      Instant closedAt,
      String stage) {}

  /** One step of the deal's history: status codes, the page names them. */
  public record ChangeRow(Instant at, String from, String to, String reason, String actor) {

    public String shownBy() {
      return dev.escrow.marketplace.domain.history.StatusChange.SYSTEM.equals(actor)
          ? Pages.text("history.system")
          : actor;
    }

    public String shownReason() {
      return HistoryReasons.text(reason);
    }
  }

  public record PaymentRow(
      long id,
      String amount,
      String fee,
      String total,
      String status,
      Instant paidAt,
      String failureReason,
      String sentTo,
      Instant codeExpiresAt,
      String bankAuthorizationId) {

    public String shownStatus() {
      return PaymentLabels.shownStatus(status, failureReason);
    }

    public String shownReason() {
      return PaymentLabels.shownReason(failureReason);
    }

    public Instant shownPaidAt() {
      return PaymentLabels.shownPaidAt(status, paidAt);
    }

    public boolean awaitingCode() {
      return PaymentStatus.AWAITING_CONFIRMATION.name().equals(status);
    }
  }

  public record AccountChoice(long id, String label) {}

  public record Snapshot(
      DealRow deal,
      Money remaining,
      Money payableNow,
      List<PaymentRow> payments,
      List<AccountChoice> accounts,
      List<ChangeRow> history) {}

  @Inject DealService deals;
  @Inject AccountService accounts;
  @Inject Clock clock;

  @Transactional
  public Snapshot of(long dealId, String login, boolean withAccounts) {
    DealDetails details = deals.details(dealId, login);
    Deal d = details.deal();
    boolean isBuyer = d.buyer().login().equals(login);
    boolean isSeller = d.seller().login().equals(login);
    boolean open = d.isPayableAt(clock.instant());
    DealRow row =
        new DealRow(
            d.id(),
            d.offer().title(),
            d.seller().fullName(),
            d.buyer().fullName(),
            d.price().toString(),
            d.paidAmount().toString(),
            d.remaining().toString(),
            d.dueAt(),
            d.status().name(),
            isBuyer,
            isBuyer && open,
            open,
            isSeller,
            // the seller's own money: the price less the marketplace's share (never its percent)
            isSeller ? d.price().minus(d.commission()).toString() : null,
            d.payout().name(),
            isSeller ? d.sellerAccount().number() : null,
            d.closedAt(),
            d.stage());
    List<PaymentRow> rows =
        details.payments().stream()
            .map(
                p ->
                    new PaymentRow(
                        p.id(),
                        p.amount().toString(),
                        p.fee().toString(),
                        p.total().toString(),
                        p.status().name(),
                        p.paidAt(),
                        p.failureReason(),
                        p.confirmationSentTo(),
                        p.confirmationExpiresAt(),
                        p.bankAuthorizationId()))
            .toList();
    List<AccountChoice> choices =
        isBuyer && withAccounts
            ? accounts.accountsOf(login).stream()
                .map(a -> new AccountChoice(a.id(), a.number() + " — " + a.bank().name()))
                .toList()
            : List.of();
    // what a new payment may still be for: confirmed payments on their way count already
    Money pending =
        rows.stream()
            .filter(p -> p.status().equals(PaymentStatus.PROCESSING.name()))
            .map(p -> Money.of(p.amount()))
            .reduce(Money.ZERO, Money::plus);
    Money payableNow = d.remaining().minus(pending);
    List<ChangeRow> history =
        details.history().stream()
            .map(
                c ->
                    new ChangeRow(
                        c.changedAt(), c.fromStatus(), c.toStatus(), c.reason(), c.actor()))
            .toList();
    return new Snapshot(
        row,
        d.remaining(),
        payableNow.isNegative() ? Money.ZERO : payableNow,
        rows,
        choices,
        history);
  }
}

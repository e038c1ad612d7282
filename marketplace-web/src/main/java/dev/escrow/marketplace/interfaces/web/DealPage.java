package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.AccountService;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.application.deal.PaymentService;
import dev.escrow.marketplace.application.deal.WrongCodeException;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.payment.AmountAboveRemainingException;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.marketplace.infrastructure.bank.BankUnavailableException;
import dev.escrow.platform.money.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The deal's payment page: price, paid, remaining, the deadline; the buyer pays a part or the rest
 * from one of their accounts, enters the code the bank mailed, and watches the payment being
 * processed (the page polls, no reload needed).
 */
@Named
@ViewScoped
public class DealPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the page shows of the deal: plain values, read in one transaction. */
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
      boolean payable) {}

  public record PaymentRow(
      long id,
      String amount,
      String fee,
      String total,
      String status,
      Instant paidAt,
      String failureReason) {}

  public record AccountChoice(long id, String label) {}

  @Inject DealService deals;
  @Inject PaymentService payments;
  @Inject AccountService accounts;

  private long dealId;
  private DealRow deal;
  private List<PaymentRow> paymentRows = List.of();
  private List<AccountChoice> accountChoices = List.of();
  private Money amount;
  private Long accountId;
  private PaymentService.Quote quote;
  private Long awaitingPaymentId;
  private String sentTo;
  private String code;
  private boolean notFound;

  /** f:viewAction: load the deal named by the view parameter. */
  @Transactional
  public void load() {
    try {
      Deal d = deals.deal(dealId, Pages.login());
      List<Payment> list = payments.ofDeal(d);
      boolean isBuyer = d.buyer().login().equals(Pages.login());
      deal =
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
              isBuyer && d.status().isOpen() && Instant.now().isBefore(d.dueAt()));
      paymentRows =
          list.stream()
              .map(
                  p ->
                      new PaymentRow(
                          p.id(),
                          p.amount().toString(),
                          p.fee().toString(),
                          p.total().toString(),
                          p.status().name(),
                          p.paidAt(),
                          p.failureReason()))
              .toList();
      if (isBuyer && accountChoices.isEmpty()) {
        accountChoices =
            accounts.accountsOf(Pages.login()).stream()
                .map(a -> new AccountChoice(a.id(), a.number() + " — " + a.bank().name()))
                .toList();
        if (!accountChoices.isEmpty()) {
          accountId = accountChoices.get(0).id();
        }
      }
      if (amount == null) {
        amount = d.remaining().isPositive() ? d.remaining() : null;
      }
      list.stream()
          .filter(
              p ->
                  p.status() == PaymentStatus.AWAITING_CONFIRMATION
                      && p.id().equals(awaitingPaymentId))
          .findFirst()
          .ifPresentOrElse(p -> sentTo = p.confirmationSentTo(), () -> awaitingPaymentId = null);
    } catch (UnknownObjectException e) {
      notFound = true;
    }
  }

  /** The fee and total for the chosen account and amount (the fee cache's numbers). */
  public void updateQuote() {
    quote = null;
    if (deal != null
        && deal.buyer_()
        && accountId != null
        && amount != null
        && amount.isPositive()) {
      try {
        quote = payments.quote(dealId, Pages.login(), accountId, amount);
      } catch (UnknownObjectException e) {
        Pages.error("payForm:account", "deal.accountUnknown");
      }
    }
  }

  public void pay() {
    if (accountId == null) {
      Pages.error("payForm:account", "deal.accountRequired");
      return;
    }
    try {
      Payment started = payments.startPayment(dealId, Pages.login(), accountId, amount);
      awaitingPaymentId = started.id();
      sentTo = started.confirmationSentTo();
      Pages.info("deal.codeSent", sentTo);
    } catch (AmountAboveRemainingException e) {
      Pages.error("payForm:amount", "deal.amountAbove", e.payable().toString());
    } catch (StateConflictException e) {
      Pages.error(null, "deal.notPayable");
    } catch (BankUnavailableException e) {
      Pages.error(null, "deal.bankAway");
    } catch (UnknownObjectException e) {
      Pages.error("payForm:account", "deal.accountUnknown");
    }
    load();
  }

  public void confirm() {
    if (awaitingPaymentId == null) {
      return;
    }
    try {
      payments.confirmPayment(awaitingPaymentId, Pages.login(), code == null ? "" : code.strip());
      awaitingPaymentId = null;
      code = null;
      Pages.info("deal.processing");
    } catch (WrongCodeException e) {
      Pages.error("codeForm:code", "deal.wrongCode", e.attemptsLeft());
    } catch (StateConflictException e) {
      awaitingPaymentId = null;
      Pages.error(null, "deal.codeRefused");
    } catch (BankUnavailableException e) {
      Pages.error(null, "deal.bankAway");
    }
    load();
  }

  /** Seconds until the deadline, for the countdown (0 once it has passed). */
  public long getSecondsLeft() {
    return deal == null
        ? 0
        : Math.max(0, Duration.between(Instant.now(), deal.dueAt()).getSeconds());
  }

  public String getTimeLeft() {
    long s = getSecondsLeft();
    return s >= 86400
        ? String.format("%dd %02d:%02d:%02d", s / 86400, s % 86400 / 3600, s % 3600 / 60, s % 60)
        : String.format("%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
  }

  public boolean isProcessing() {
    return paymentRows.stream().anyMatch(p -> p.status().equals(PaymentStatus.PROCESSING.name()));
  }

  public long getDealId() {
    return dealId;
  }

  public void setDealId(long dealId) {
    this.dealId = dealId;
  }

  public DealRow getDeal() {
    return deal;
  }

  public List<PaymentRow> getPayments() {
    return paymentRows;
  }

  public List<AccountChoice> getAccounts() {
    return accountChoices;
  }

  public Money getAmount() {
    return amount;
  }

  public void setAmount(Money amount) {
    this.amount = amount;
  }

  public Long getAccountId() {
    return accountId;
  }

  public void setAccountId(Long accountId) {
    this.accountId = accountId;
  }

  public PaymentService.Quote getQuote() {
    return quote;
  }

  public boolean isAwaitingCode() {
    return awaitingPaymentId != null;
  }

  public String getSentTo() {
    return sentTo;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public boolean isNotFound() {
    return notFound;
  }
}

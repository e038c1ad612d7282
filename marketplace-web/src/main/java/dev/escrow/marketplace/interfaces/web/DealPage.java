package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.DemoMode;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.application.deal.PaymentService;
import dev.escrow.marketplace.application.deal.WrongCodeException;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.payment.AmountAboveRemainingException;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.marketplace.infrastructure.bank.BankUnavailableException;
import dev.escrow.platform.money.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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

  @Inject PaymentService payments;
  @Inject DealSnapshots snapshots;
  @Inject DemoMode demo;

  private long dealId;
  private DealSnapshots.DealRow deal;
  private List<DealSnapshots.PaymentRow> paymentRows = List.of();
  private List<DealSnapshots.AccountChoice> accountChoices = List.of();
  private Money amount;
  private Long accountId;
  private PaymentService.Quote quote;
  private Long awaitingPaymentId;
  private String sentTo;
  private String demoOutboxLink;
  private String code;
  private boolean notFound;

  /** f:viewAction and the poll: read the deal named by the view parameter again. */
  public void load() {
    try {
      DealSnapshots.Snapshot snapshot =
          snapshots.of(dealId, Pages.login(), accountChoices.isEmpty());
      deal = snapshot.deal();
      paymentRows = snapshot.payments();
      if (!snapshot.accounts().isEmpty()) {
        accountChoices = snapshot.accounts();
        if (accountId == null) {
          accountId = accountChoices.get(0).id();
        }
      }
      if (amount == null && deal.payable()) {
        amount = snapshot.remaining();
      }
      paymentRows.stream()
          .filter(
              p ->
                  p.status().equals(PaymentStatus.AWAITING_CONFIRMATION.name())
                      && p.id() == (awaitingPaymentId == null ? -1 : awaitingPaymentId))
          .findFirst()
          .ifPresentOrElse(p -> {}, () -> awaitingPaymentId = null);
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
        Pages.dealError("payForm:account", "deal.accountUnknown");
      }
    }
  }

  public void pay() {
    if (accountId == null) {
      Pages.dealError("payForm:account", "deal.accountRequired");
      return;
    }
    try {
      Payment started = payments.startPayment(dealId, Pages.login(), accountId, amount);
      awaitingPaymentId = started.id();
      sentTo = started.confirmationSentTo();
      // Demo mode: no mail server, so tell the person where the code is.
      demoOutboxLink = demo.outboxLink(started.bankAuthorizationId()).orElse(null);
      Pages.dealInfo("deal.codeSent", sentTo);
    } catch (AmountAboveRemainingException e) {
      Pages.dealError("payForm:amount", "deal.amountAbove", e.payable().toString());
    } catch (StateConflictException e) {
      Pages.dealError(null, "deal.notPayable");
    } catch (BankUnavailableException e) {
      Pages.dealError(null, "deal.bankAway");
    } catch (UnknownObjectException e) {
      Pages.dealError("payForm:account", "deal.accountUnknown");
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
      amount = null;
      Pages.dealInfo("deal.processing");
    } catch (dev.escrow.marketplace.application.InvalidInputException e) {
      Pages.dealError("codeForm:code", "deal.codeFormat");
    } catch (WrongCodeException e) {
      Pages.dealError("codeForm:code", "deal.wrongCode", e.attemptsLeft());
    } catch (StateConflictException e) {
      awaitingPaymentId = null;
      Pages.dealError(null, "deal.codeRefused");
    } catch (BankUnavailableException e) {
      Pages.dealError(null, "deal.bankAway");
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

  public DealSnapshots.DealRow getDeal() {
    return deal;
  }

  public List<DealSnapshots.PaymentRow> getPayments() {
    return paymentRows;
  }

  public List<DealSnapshots.AccountChoice> getAccounts() {
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

  /** The bank's demo outbox page with this code (demo mode only), else null. */
  public String getDemoOutboxLink() {
    return demoOutboxLink;
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

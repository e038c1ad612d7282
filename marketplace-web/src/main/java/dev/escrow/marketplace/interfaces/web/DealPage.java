package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.DemoMode;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.application.WrongCodeException;
import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.application.deal.PaymentService;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.payment.AmountAboveRemainingException;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.platform.money.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

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
  @Inject Clock clock;

  private long dealId;
  private DealSnapshots.DealRow deal;
  private List<DealSnapshots.PaymentRow> paymentRows = List.of();
  private List<DealSnapshots.ChangeRow> history = List.of();
  private List<DealSnapshots.AccountChoice> accountChoices = List.of();
  private Money amount;
  private Money payableNow;
  private Long accountId;
  private PaymentService.Quote quote;
  private Long awaitingPaymentId;
  private String sentTo;
  private String demoOutboxLink;
  private String code;
  private boolean notFound;

  /**
   * f:viewAction and the poll: read the deal named by the view parameter again. The form follows
   * what is true now: the amount is what remains to pay (less payments on their way) whenever that
   * changes, its fee and total are quoted at once, a payment still waiting for its code is resumed
   * after a reload, and a closed deal has nothing to pay. When the poll sees any of that change, it
   * redraws the form too (otherwise it leaves it alone, not to clobber what is being typed).
   */
  public void load() {
    try {
      String before = formState();
      DealSnapshots.Snapshot snapshot =
          snapshots.of(dealId, Faces.getRemoteUser(), accountChoices.isEmpty());
      deal = snapshot.deal();
      paymentRows = snapshot.payments();
      history = snapshot.history();
      if (!snapshot.accounts().isEmpty()) {
        accountChoices = snapshot.accounts();
        if (accountId == null) {
          accountId = accountChoices.get(0).id();
        }
      }
      Instant now = clock.instant();
      if (awaitingPaymentId == null && deal.payable()) {
        // resume the payment a reload (or another tab) left waiting for its code
        paymentRows.stream()
            .filter(p -> p.awaitingCode())
            .filter(p -> p.codeExpiresAt() == null || p.codeExpiresAt().isAfter(now))
            .reduce((first, second) -> second)
            .ifPresent(
                p -> {
                  awaitingPaymentId = p.id();
                  sentTo = p.sentTo();
                  demoOutboxLink = demo.outboxLink(p.bankAuthorizationId()).orElse(null);
                });
      }
      if (awaitingPaymentId != null
          && paymentRows.stream().noneMatch(p -> p.id() == awaitingPaymentId && p.awaitingCode())) {
        awaitingPaymentId = null;
      }
      if (!deal.payable()) {
        awaitingPaymentId = null;
      }
      if (deal.payable() && !snapshot.payableNow().equals(payableNow)) {
        payableNow = snapshot.payableNow();
        amount = payableNow.isPositive() ? payableNow : null;
        quote = null;
      } else if (!deal.payable()) {
        payableNow = Money.ZERO;
        amount = null;
        quote = null;
      }
      if (amount != null && (quote == null || !quote.amount().equals(amount))) {
        updateQuote();
      }
      String after = formState();
      if (before != null && !before.equals(after) && Faces.isAjaxRequest()) {
        PrimeFaces.current().ajax().update("payArea");
      }
    } catch (UnknownObjectException e) {
      notFound = true;
    }
  }

  /** What decides how the form looks; null before the first load. */
  private String formState() {
    return deal == null ? null : deal.payable() + "/" + payableNow + "/" + awaitingPaymentId;
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
        quote = payments.quote(dealId, Faces.getRemoteUser(), accountId, amount);
      } catch (AmountAboveRemainingException e) {
        Messages.addError("payForm:amount", "deal.amountAbove", Fmt.current().money(e.payable()));
      } catch (UnknownObjectException e) {
        Messages.addError("payForm:account", "deal.accountUnknown");
      }
    }
  }

  public void pay() {
    if (accountId == null) {
      Messages.addError("payForm:account", "deal.accountRequired");
      return;
    }
    try {
      Payment started = payments.startPayment(dealId, Faces.getRemoteUser(), accountId, amount);
      awaitingPaymentId = started.id();
      sentTo = started.confirmationSentTo();
      // Demo mode: no mail server, so tell the person where the code is.
      demoOutboxLink = demo.outboxLink(started.bankAuthorizationId()).orElse(null);
      Messages.addGlobalInfo("deal.codeSent", sentTo);
    } catch (AmountAboveRemainingException e) {
      Messages.addError("payForm:amount", "deal.amountAbove", Fmt.current().money(e.payable()));
    } catch (StateConflictException e) {
      Messages.addGlobalError("deal.notPayable");
    } catch (BankUnavailableException e) {
      Messages.addGlobalError("deal.bankAway");
    } catch (UnknownObjectException e) {
      Messages.addError("payForm:account", "deal.accountUnknown");
    }
    load();
  }

  public void confirm() {
    if (awaitingPaymentId == null) {
      return;
    }
    try {
      payments.confirmPayment(
          awaitingPaymentId, Faces.getRemoteUser(), code == null ? "" : code.strip());
      awaitingPaymentId = null;
      code = null;
      payableNow = null; // the next part is what then remains
      Messages.addGlobalInfo("deal.processing");
    } catch (dev.escrow.platform.problem.InvalidInputException e) {
      Messages.addError("codeForm:code", "deal.codeFormat");
    } catch (WrongCodeException e) {
      Messages.addError("codeForm:code", "deal.wrongCode", e.attemptsLeft());
    } catch (StateConflictException e) {
      awaitingPaymentId = null;
      Messages.addGlobalError("deal.codeRefused");
    } catch (BankUnavailableException e) {
      Messages.addGlobalError("deal.bankAway");
    }
    load();
  }

  /** "Cancel" on the code step: the waiting payment ends as cancelled and the form is back. */
  public void cancel() {
    if (awaitingPaymentId == null) {
      return;
    }
    try {
      payments.cancelPayment(awaitingPaymentId, Faces.getRemoteUser());
      Messages.addGlobalInfo("deal.cancelled");
    } catch (StateConflictException | UnknownObjectException e) {
      // it was confirmed, replaced or expired meanwhile: the reload below shows which
    }
    awaitingPaymentId = null;
    code = null;
    payableNow = null; // the form starts again from what remains
    load();
  }

  /** The payment the code step confirms. */
  public DealSnapshots.PaymentRow getAwaiting() {
    return awaitingPaymentId == null
        ? null
        : paymentRows.stream().filter(p -> p.id() == awaitingPaymentId).findFirst().orElse(null);
  }

  /** "5 000,00 ₽ + 75,00 ₽ fee (5 075,00 ₽ in all) to the seller Ivan Petrov". */
  public String getConfirmWhat() {
    DealSnapshots.PaymentRow p = getAwaiting();
    if (p == null) {
      return "";
    }
    Fmt fmt = Fmt.current();
    return Pages.textOf(
        "dm",
        "deal.confirmWhat",
        fmt.money(p.amount()),
        fmt.money(p.fee()),
        fmt.money(p.total()),
        deal.seller());
  }

  /** Seconds until the deadline, for the countdown (0 once it has passed). */
  public long getSecondsLeft() {
    return deal == null
        ? 0
        : Math.max(0, Duration.between(clock.instant(), deal.dueAt()).getSeconds());
  }

  public String getTimeLeft() {
    return Fmt.current().timeLeft(getSecondsLeft());
  }

  /** The form is shown: the buyer can pay something now. */
  public boolean isPayFormShown() {
    return deal != null
        && deal.payable()
        && awaitingPaymentId == null
        && payableNow != null
        && payableNow.isPositive();
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

  public List<DealSnapshots.ChangeRow> getHistory() {
    return history;
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

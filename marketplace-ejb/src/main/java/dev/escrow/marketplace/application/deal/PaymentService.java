package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.application.Callers;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.application.WrongCodeException;
import dev.escrow.marketplace.application.bank.Authorization;
import dev.escrow.marketplace.application.bank.BankGateway;
import dev.escrow.marketplace.application.bank.BankRefusedException;
import dev.escrow.marketplace.application.bank.CodeAndTransfer;
import dev.escrow.marketplace.application.bank.CodeCheck;
import dev.escrow.marketplace.application.bank.TransferOrder;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.account.ClientAccountRepository;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.deal.DealRepository;
import dev.escrow.marketplace.domain.fee.FeeCache;
import dev.escrow.marketplace.domain.idempotency.IdempotentRequest;
import dev.escrow.marketplace.domain.payment.AmountAboveRemainingException;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentRepository;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.marketplace.domain.user.User;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The buyer's side of paying a deal: quote, start (the bank mails a code), confirm with the code
 * (the payment is then being processed, and carried out in the background).
 */
@Stateless
public class PaymentService {

  /** The numbers a buyer sees before paying: the same as the payment will copy. */
  public record Quote(Money amount, Percent feePercent, Money fee, Money total) {}

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  @Inject Callers callers;
  @Inject DealRepository deals;
  @Inject PaymentRepository payments;
  @Inject ClientAccountRepository accounts;
  @Inject FeeCache fees;
  @Inject BankGateway bank;
  @Inject PaymentProcessing processing;
  @Inject Clock clock;
  @Inject PaymentService self;

  public Quote quote(long dealId, String login, long accountId, Money amount) {
    User buyer = callers.byLogin(login);
    Deal deal = visibleDeal(dealId, buyer);
    ClientAccount account = ownAccount(accountId, buyer);
    // the same limit a payment of this amount would meet: what remains less what is on its way
    Money payable = deal.remaining().minus(payments.pendingAmount(dealId));
    if (amount.isGreaterThan(payable)) {
      throw new AmountAboveRemainingException(payable.isNegative() ? Money.ZERO : payable);
    }
    Percent percent = feePercent(account, deal);
    Money fee = amount.percent(percent);
    return new Quote(amount, percent, fee, amount.plus(fee));
  }

  /**
   * Records the payment and has the bank mail its holder a code bound to exactly this amount and
   * payee. A newer start replaces a payment of the same deal still waiting for its code. When the
   * bank cannot be reached nothing is recorded (503).
   */
  public Payment startPayment(long dealId, String login, long accountId, Money amount) {
    return startPayment(dealId, login, accountId, amount, null, null);
  }

  /**
   * As above, once per {@code Idempotency-Key}: a repeat with the same key and body returns the
   * payment the first request started and does nothing again; another body under the key is 409.
   */
  public Payment startPayment(
      long dealId,
      String login,
      long accountId,
      Money amount,
      String idempotencyKey,
      String requestHash) {
    Instant started = clock.instant();
    if (idempotencyKey != null) {
      IdempotentRequest earlier =
          em.find(IdempotentRequest.class, new IdempotentRequest.Key(login, idempotencyKey));
      if (earlier != null && earlier.isStillKeptAt(started)) {
        if (!earlier.isSameRequest(requestHash)) {
          throw new StateConflictException("This Idempotency-Key was used for another request");
        }
        return payments.findById(Long.parseLong(earlier.body())).orElseThrow();
      }
      if (earlier != null) {
        em.remove(earlier);
        em.flush();
      }
    }
    Payment payment = newPayment(dealId, login, accountId, amount);
    if (idempotencyKey != null) {
      em.persist(
          new IdempotentRequest(
              new IdempotentRequest.Key(login, idempotencyKey),
              requestHash,
              201,
              String.valueOf(payment.id()),
              started));
      em.flush();
    }
    return payment;
  }

  private Payment newPayment(long dealId, String login, long accountId, Money amount) {
    User buyer = callers.byLogin(login);
    Deal deal = deals.findForUpdate(dealId).orElseThrow(() -> new UnknownObjectException("Deal"));
    if (!deal.involves(buyer.id())) {
      throw new UnknownObjectException("Deal");
    }
    ClientAccount account = ownAccount(accountId, buyer);
    Instant now = clock.instant();
    for (Payment waiting : payments.withStatus(dealId, PaymentStatus.AWAITING_CONFIRMATION)) {
      waiting.replace(now);
    }
    Payment payment =
        payments.add(
            Payment.start(
                deal,
                buyer,
                account,
                amount,
                payments.pendingAmount(dealId),
                feePercent(account, deal),
                now));
    Authorization code =
        bank.requestPaymentCode(
            account.number(),
            payment.amount(),
            deal.sellerAccount().number(),
            payment.idempotencyKey());
    payment.awaitCode(code.id(), code.sentTo(), code.expiresAt());
    return payment;
  }

  /**
   * The buyer's code: the bank checks it and, when it matches, accepts the transfer it confirms in
   * the same step; the payment is then being processed from the instant the code was handed over
   * ({@code paidAt}), which is what counts against the deadline.
   *
   * <p>No lock is held while the bank is asked. A short transaction first marks the code as handed
   * over (on the locked deal and payment, checking that the payment waits for its code and the deal
   * takes it at this instant): from then the payment can be neither replaced, nor cancelled, nor
   * abandoned with its deal, since the bank may take it. The bank's answer is recorded in another
   * short transaction. The transfer is keyed by the payment, so a repeat (the buyer again, after a
   * lost answer; the re-drive, after a crash) is the same transfer.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Payment confirmPayment(long paymentId, String login, String code) {
    TransferOrder order = self.handOverCode(paymentId, login, code, clock.instant());
    CodeAndTransfer answer;
    try {
      answer = bank.submitTransferWithCode(order, code.strip());
    } catch (BankRefusedException refused) {
      processing.recordRefused(paymentId, refused.getMessage());
      throw new StateConflictException("The bank refused the payment: " + refused.getMessage());
    }
    CodeCheck check = answer.code();
    if (!check.accepted()) {
      processing.recordCodeNotTaken(paymentId);
      if (check.refusal() != null) {
        throw new StateConflictException(check.refusal());
      }
      throw new WrongCodeException(check.attemptsLeft());
    }
    return processing.recordSubmitted(paymentId, answer.transfer());
  }

  /** The code goes to the bank now: marked on the locked deal and payment, and its transfer. */
  public TransferOrder handOverCode(long paymentId, String login, String code, Instant now) {
    Payment payment = payersOwn(paymentId, login);
    if (code == null || !code.strip().matches("\\d{6}")) {
      throw new InvalidInputException("code", "must be the 6 digits from the e-mail");
    }
    deals.findForUpdate(payment.deal().id());
    payments.findForUpdate(paymentId);
    requireAwaitingCode(payment);
    payment.handOverCode(now);
    return PaymentProcessing.orderOf(payment);
  }

  private Payment payersOwn(long paymentId, String login) {
    User payer = callers.byLogin(login);
    Payment payment =
        payments.findById(paymentId).orElseThrow(() -> new UnknownObjectException("Payment"));
    if (!payment.payer().id().equals(payer.id())) {
      throw new UnknownObjectException("Payment");
    }
    return payment;
  }

  private static void requireAwaitingCode(Payment payment) {
    if (payment.status() != PaymentStatus.AWAITING_CONFIRMATION) {
      throw new StateConflictException("The payment is " + payment.status() + ": it needs no code");
    }
  }

  /**
   * The payer gives up a payment still waiting for its code (the page's "Cancel"): it ends FAILED
   * with {@link Payment#CANCELLED}, nothing was taken. Any other state is a conflict.
   */
  public Payment cancelPayment(long paymentId, String login) {
    User payer = callers.byLogin(login);
    Payment payment =
        payments.findById(paymentId).orElseThrow(() -> new UnknownObjectException("Payment"));
    if (!payment.payer().id().equals(payer.id())) {
      throw new UnknownObjectException("Payment");
    }
    // the same lock order as a confirmation: deal, then payment
    deals.findForUpdate(payment.deal().id());
    payments.findForUpdate(paymentId);
    if (payment.status() != PaymentStatus.AWAITING_CONFIRMATION) {
      throw new StateConflictException(
          "The payment is " + payment.status() + ": nothing to cancel");
    }
    Instant now = clock.instant();
    payment.cancel(now);
    return payment;
  }

  /** A payment, to its payer, the deal's seller and an administrator. */
  public Payment payment(long paymentId, String login) {
    User user = callers.byLogin(login);
    Payment payment =
        payments.findById(paymentId).orElseThrow(() -> new UnknownObjectException("Payment"));
    if (!user.isAdmin() && !payment.deal().involves(user.id())) {
      throw new UnknownObjectException("Payment");
    }
    return payment;
  }

  public List<Payment> ofDeal(Deal deal) {
    return payments.ofDeal(deal.id());
  }

  public List<Payment> all(int first, int max) {
    return payments.all(first, max);
  }

  private Deal visibleDeal(long dealId, User user) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new UnknownObjectException("Deal"));
    if (!deal.involves(user.id())) {
      throw new UnknownObjectException("Deal");
    }
    return deal;
  }

  private ClientAccount ownAccount(long accountId, User owner) {
    return accounts
        .findOwned(accountId, owner.id())
        .orElseThrow(() -> new UnknownObjectException("Account"));
  }

  private Percent feePercent(ClientAccount from, Deal deal) {
    return fees.percentBetween(from.bank().requisite(), deal.sellerAccount().bank().requisite());
  }
}

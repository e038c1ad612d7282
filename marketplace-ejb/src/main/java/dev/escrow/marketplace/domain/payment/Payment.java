package dev.escrow.marketplace.domain.payment;

import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.history.HistoryListener;
import dev.escrow.marketplace.domain.history.RecordsHistory;
import dev.escrow.marketplace.domain.history.StatusChange;
import dev.escrow.marketplace.domain.history.StatusLog;
import dev.escrow.marketplace.domain.user.User;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * One payment towards a deal, from one of the buyer's accounts. It copies its fee percent, fee and
 * total when it starts, so that what the buyer confirms cannot change afterwards. {@link #paidAt}
 * is when the buyer's code was accepted: it decides whether the payment was on time, however late
 * the bank carries it out.
 */
@Entity
@Table(name = "payment")
@EntityListeners(HistoryListener.class)
public class Payment implements RecordsHistory {

  /** The failure reason of a payment a newer one replaced before its code was entered. */
  public static final String REPLACED = "Replaced by a newer payment";

  /** The failure reason of a payment its payer cancelled before entering the code. */
  public static final String CANCELLED = "Cancelled by the payer";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "deal_id")
  private Deal deal;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "payer_id")
  private User payer;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id")
  private ClientAccount account;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money amount;

  @Column(name = "fee_percent", nullable = false, precision = 5, scale = 2)
  private Percent feePercent;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money fee;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money total;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private PaymentStatus status;

  @Column(name = "bank_authorization_id", length = 64)
  private String bankAuthorizationId;

  @Column(name = "confirmation_sent_to", length = 200)
  private String confirmationSentTo;

  @Column(name = "confirmation_expires_at")
  private Instant confirmationExpiresAt;

  @Column(name = "paid_at")
  private Instant paidAt;

  /** When the payer's code went to the bank with its transfer; null while none is on its way. */
  @Column(name = "confirming_since")
  private Instant confirmingSince;

  @Column(name = "bank_transfer_id", length = 64)
  private String bankTransferId;

  @Column(name = "failure_reason", length = 500)
  private String failureReason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Version private long version;

  @Transient private final StatusLog statusLog = new StatusLog();

  protected Payment() {}

  private Payment(
      Deal deal, User payer, ClientAccount account, Money amount, Percent feePercent, Instant now) {
    this.deal = deal;
    this.payer = payer;
    this.account = account;
    this.amount = amount;
    this.feePercent = feePercent;
    this.fee = amount.percent(feePercent);
    this.total = amount.plus(fee);
    this.status = PaymentStatus.AWAITING_CONFIRMATION;
    this.createdAt = now;
  }

  /**
   * The buyer pays part or all of what remains, from one of their own accounts. {@code pending} is
   * what other payments already confirmed but not yet carried out will bring.
   */
  public static Payment start(
      Deal deal,
      User payer,
      ClientAccount account,
      Money amount,
      Money pending,
      Percent feePercent,
      Instant now) {
    if (!deal.isBuyer(payer.id())) {
      throw new StateConflictException("Only the deal's buyer pays it");
    }
    if (!account.belongsTo(payer.id())) {
      throw new IllegalArgumentException("The account must be the payer's own");
    }
    deal.requirePayableAt(now);
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("The amount must be greater than zero");
    }
    if (amount.isGreaterThan(deal.remaining().minus(pending))) {
      throw new AmountAboveRemainingException(deal.remaining().minus(pending));
    }
    return new Payment(deal, payer, account, amount, feePercent, now);
  }

  /**
   * The bank mailed the payer a code for exactly this payment: the payment's history begins here
   * (it names where the code went).
   */
  public void awaitCode(String authorizationId, String sentTo, Instant expiresAt) {
    this.bankAuthorizationId = authorizationId;
    this.confirmationSentTo = sentTo;
    this.confirmationExpiresAt = expiresAt;
    statusLog.add(null, status, createdAt, "code sent to " + sentTo, payer.login());
  }

  /**
   * The payer's code goes to the bank with the transfer it confirms. From now until the bank's
   * answer is recorded the payment may not be replaced, cancelled or abandoned: the bank may take
   * it. A repeat while the first is on its way keeps the first instant.
   */
  public void handOverCode(Instant now) {
    requireStatus(PaymentStatus.AWAITING_CONFIRMATION);
    deal.requirePayableAt(now);
    if (confirmingSince == null) {
      confirmingSince = now;
    }
  }

  /** The bank did not take the code (wrong, expired, locked): the payment waits for one again. */
  public void codeNotTaken() {
    confirmingSince = null;
  }

  public boolean isConfirming() {
    return confirmingSince != null;
  }

  public Instant confirmingSince() {
    return confirmingSince;
  }

  /**
   * The bank took the payer's code and the transfer it confirms: the payment is being processed
   * from the instant the code was handed over, which is what counts against the deadline.
   */
  public void confirm(Instant now) {
    requireStatus(PaymentStatus.AWAITING_CONFIRMATION);
    paidAt = confirmingSince != null ? confirmingSince : now;
    confirmingSince = null;
    moveTo(PaymentStatus.PROCESSING, now, "code accepted", payer.login());
  }

  public void submitted(String transferId) {
    if (bankTransferId == null) {
      bankTransferId = transferId;
    } else if (!bankTransferId.equals(transferId)) {
      throw new IllegalStateException("Payment " + id + " already has transfer " + bankTransferId);
    }
  }

  /** The bank carried the payment out; {@code how} says how the marketplace learnt it. */
  public void succeed(String how, Instant now) {
    requireStatus(PaymentStatus.PROCESSING);
    moveTo(PaymentStatus.SUCCEEDED, now, how, StatusChange.SYSTEM);
    resolvedAt = now;
  }

  /** The bank refused or failed the payment, for this reason. */
  public void fail(String reason, Instant now) {
    fail(reason, reason, StatusChange.SYSTEM, now);
  }

  /** A newer payment of the same deal replaces this one, still waiting for its code. */
  public void replace(Instant now) {
    requireStatus(PaymentStatus.AWAITING_CONFIRMATION);
    requireNotConfirming();
    fail(REPLACED, "replaced", payer.login(), now);
  }

  /** The payer gives this payment up before entering its code. */
  public void cancel(Instant now) {
    requireStatus(PaymentStatus.AWAITING_CONFIRMATION);
    requireNotConfirming();
    fail(CANCELLED, "cancelled", payer.login(), now);
  }

  /** The deal expired while this payment was still waiting for its code. */
  public void abandonWithDeal(Instant now) {
    requireStatus(PaymentStatus.AWAITING_CONFIRMATION);
    requireNotConfirming();
    fail(EXPIRED_BEFORE_CODE, "deal expired", StatusChange.SYSTEM, now);
  }

  /** The failure reason of a payment whose deal expired before its code was entered. */
  public static final String EXPIRED_BEFORE_CODE = "The deal expired before the code was entered";

  private void fail(String reason, String why, String actor, Instant now) {
    if (status.isFinal()) {
      throw new StateConflictException("The payment is already " + status);
    }
    confirmingSince = null;
    moveTo(PaymentStatus.FAILED, now, why, actor);
    failureReason = reason;
    resolvedAt = now;
  }

  /** The deal expired and the bank returned this payment to its payer. */
  public void refund(Instant now) {
    requireStatus(PaymentStatus.SUCCEEDED);
    moveTo(PaymentStatus.REFUNDED, now, "deal expired: returned to the payer", StatusChange.SYSTEM);
    resolvedAt = now;
  }

  /** The one place the status changes: the change goes to the payment's history. */
  private void moveTo(PaymentStatus next, Instant now, String why, String actor) {
    statusLog.add(status, next, now, why, actor);
    status = next;
  }

  /** Given up before its code was entered (replaced or cancelled): nothing was ever taken. */
  public static boolean isCancellation(String failureReason) {
    return REPLACED.equals(failureReason) || CANCELLED.equals(failureReason);
  }

  private void requireNotConfirming() {
    if (confirmingSince != null) {
      throw new StateConflictException(
          "The payment's code is with the bank; try again once it has answered");
    }
  }

  private void requireStatus(PaymentStatus expected) {
    if (status != expected) {
      throw new StateConflictException("The payment is " + status + ", not " + expected);
    }
  }

  @Override
  public StatusChange.Subject historySubject() {
    return StatusChange.Subject.PAYMENT;
  }

  @Override
  public StatusLog statusLog() {
    return statusLog;
  }

  @Override
  public Long id() {
    return id;
  }

  public Deal deal() {
    return deal;
  }

  public User payer() {
    return payer;
  }

  public ClientAccount account() {
    return account;
  }

  public Money amount() {
    return amount;
  }

  public Percent feePercent() {
    return feePercent;
  }

  public Money fee() {
    return fee;
  }

  public Money total() {
    return total;
  }

  public PaymentStatus status() {
    return status;
  }

  public String bankAuthorizationId() {
    return bankAuthorizationId;
  }

  public String confirmationSentTo() {
    return confirmationSentTo;
  }

  public Instant confirmationExpiresAt() {
    return confirmationExpiresAt;
  }

  public Instant paidAt() {
    return paidAt;
  }

  public String bankTransferId() {
    return bankTransferId;
  }

  public String failureReason() {
    return failureReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  /** The key under which the bank accepts this payment's transfer exactly once. */
  public String idempotencyKey() {
    return KEY_PREFIX + id;
  }

  private static final String KEY_PREFIX = "payment-";

  /** The payment an idempotency key names (the bank repeats it in its callbacks). */
  public static Optional<Long> idOfIdempotencyKey(String key) {
    if (key == null || !key.startsWith(KEY_PREFIX) || key.length() > KEY_PREFIX.length() + 18) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(key.substring(KEY_PREFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

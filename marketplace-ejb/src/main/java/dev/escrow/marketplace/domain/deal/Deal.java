package dev.escrow.marketplace.domain.deal;

import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.history.HistoryListener;
import dev.escrow.marketplace.domain.history.RecordsHistory;
import dev.escrow.marketplace.domain.history.StatusChange;
import dev.escrow.marketplace.domain.history.StatusLog;
import dev.escrow.marketplace.domain.offer.Offer;
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
import java.util.Objects;

/**
 * A buyer's purchase of an offer, paid in one or more payments before {@link #dueAt()}. It copies
 * the offer's price and commission when it opens: later changes to the offer do not touch it.
 */
@Entity
@Table(name = "deal")
@EntityListeners(HistoryListener.class)
public class Deal implements RecordsHistory {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "offer_id")
  private Offer offer;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "buyer_id")
  private User buyer;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "seller_id")
  private User seller;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "seller_account_id")
  private ClientAccount sellerAccount;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money price;

  @Column(name = "commission_percent", nullable = false, precision = 5, scale = 2)
  private Percent commissionPercent;

  @Column(name = "paid_amount", nullable = false, precision = 19, scale = 2)
  private Money paidAmount = Money.ZERO;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private DealState status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Payout payout = Payout.NONE;

  /** An added status the administrator gave the deal, or null: a label, never money. */
  @Column(length = 64)
  private String stage;

  @Column(name = "operation_key", length = 64)
  private String operationKey;

  /** The bank's reason when it refused the payout for good, or null. */
  @Column(name = "payout_refusal", length = 500)
  private String payoutRefusal;

  @Column(name = "payout_refused_at")
  private Instant payoutRefusedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Version private long version;

  @Transient private final StatusLog statusLog = new StatusLog();

  protected Deal() {}

  private Deal(Offer offer, User buyer, ClientAccount sellerAccount, Instant now) {
    this.offer = offer;
    this.buyer = buyer;
    this.seller = offer.seller();
    this.sellerAccount = sellerAccount;
    this.price = offer.price();
    this.commissionPercent = offer.commissionPercent();
    this.status = DealState.AWAITING_PAYMENT;
    this.createdAt = now;
    this.dueAt = now.plus(offer.paymentWindow());
    statusLog.add(null, status, now, "opened", buyer.login());
  }

  /** "Buy": the offer is reserved for this buyer until the deal closes. */
  public static Deal open(Offer offer, User buyer, ClientAccount sellerAccount, Instant now) {
    Objects.requireNonNull(sellerAccount, "seller account");
    if (offer.isSoldBy(buyer.id())) {
      throw new StateConflictException("A seller cannot buy their own offer");
    }
    if (!sellerAccount.belongsTo(offer.seller().id())) {
      throw new IllegalArgumentException("The payout account must be the seller's");
    }
    Deal deal = new Deal(offer, buyer, sellerAccount, now);
    offer.reserve(now, buyer.login(), () -> "bought in deal " + deal.id());
    return deal;
  }

  public Money remaining() {
    return price.minus(paidAmount);
  }

  /**
   * Whether a payment may be started or confirmed at this moment: while the deal is open and not
   * yet due. The one rule for the pages, the API and the payments.
   */
  public boolean isPayableAt(Instant moment) {
    return status.isOpen() && moment.isBefore(dueAt);
  }

  /** Whether the deal is still open at this moment but its time to pay is over. */
  public boolean isOverdueAt(Instant moment) {
    return status.isOpen() && !moment.isBefore(dueAt);
  }

  /** {@link #isPayableAt} or a conflict saying why not. */
  public void requirePayableAt(Instant moment) {
    if (!status.isOpen()) {
      throw new StateConflictException("The deal is " + status + ": it takes no more payments");
    }
    if (!isPayableAt(moment)) {
      throw new StateConflictException("The time to pay this deal is over");
    }
  }

  /**
   * The bank carried out payment {@code paymentId}: the deal is partly paid, or paid in full and
   * closes.
   */
  public DealState recordPayment(long paymentId, Money amount, Instant now) {
    if (!status.isOpen()) {
      throw new StateConflictException("The deal is " + status + ": it cannot take a payment");
    }
    if (amount.isGreaterThan(remaining())) {
      throw new StateConflictException("The payment is more than what remains to pay");
    }
    paidAmount = paidAmount.plus(amount);
    String shownBefore = shownStatus();
    DealState before = status;
    if (remaining().isZero()) {
      status = DealState.COMPLETED;
      payout = Payout.SETTLE_DUE;
      closedAt = now;
      offer.markSold("deal " + id + " paid in full", now);
    } else {
      status = DealState.IN_PROGRESS;
    }
    if (status != before) {
      stage = null;
    }
    record(shownBefore, now, "payment " + paymentId + " of " + amount, StatusChange.SYSTEM);
    return status;
  }

  /** Not paid in full in time: the offer goes back to the catalogue, the money back to payers. */
  public void expire(Instant now) {
    if (!status.isOpen()) {
      throw new StateConflictException("The deal is " + status + ": it cannot expire");
    }
    if (!isOverdueAt(now)) {
      throw new StateConflictException("The deal is not due yet");
    }
    String shownBefore = shownStatus();
    status = DealState.EXPIRED;
    stage = null;
    payout = operationKey == null ? Payout.REVERSED : Payout.REVERSE_DUE;
    closedAt = now;
    record(shownBefore, now, "not paid in full by " + dueAt, StatusChange.SYSTEM);
    offer.release("deal " + id + " expired", now);
  }

  /** The shown status changed from {@code shownBefore}: the deal's history says so. */
  private void record(String shownBefore, Instant now, String why, String actor) {
    statusLog.add(shownBefore, shownStatus(), now, () -> why, actor);
  }

  /**
   * The administrator gives the deal an added status (a fulfilment stage such as "shipped"). It is
   * a label beside the system status: it changes neither what may be paid nor the deadline, and the
   * marketplace's next change of the system status (paid in full, expired) replaces it.
   */
  public void moveToStage(String stageCode, String adminLogin, Instant now) {
    Objects.requireNonNull(stageCode, "stage");
    if (isSystemStatus(stageCode)) {
      throw new StateConflictException(
          "A system status is set by the marketplace itself, never by hand");
    }
    if (stageCode.equals(stage)) {
      throw new StateConflictException("The deal already has this status");
    }
    String shownBefore = shownStatus();
    stage = stageCode;
    record(shownBefore, now, "set by the administrator", adminLogin);
  }

  private static boolean isSystemStatus(String code) {
    for (DealState state : DealState.values()) {
      if (state.name().equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** What people read as the deal's status: the added one when given, else the system one. */
  public String shownStatus() {
    return stage != null ? stage : status.name();
  }

  public String stage() {
    return stage;
  }

  /** The bank's operation key, learnt from the first transfer of the deal. */
  public void bindOperation(String key) {
    if (operationKey == null) {
      operationKey = key;
    } else if (!operationKey.equals(key)) {
      throw new IllegalStateException(
          "Deal " + id + " already has operation " + operationKey + ", the bank answered " + key);
    }
  }

  /** The marketplace's share, rounded HALF_UP to the kopeck. */
  public Money commission() {
    return price.percent(commissionPercent);
  }

  public void payoutDone() {
    payoutRefusal = null;
    payoutRefusedAt = null;
    payout =
        switch (payout) {
          case SETTLE_DUE, SETTLED -> Payout.SETTLED;
          case REVERSE_DUE, REVERSED -> Payout.REVERSED;
          case NONE -> throw new IllegalStateException("Deal " + id + " has nothing to pay out");
        };
  }

  /**
   * The bank refused the due payout for good: it is no longer re-driven, and waits for the
   * administrator. Only the first refusal is kept (a repeat changes nothing).
   *
   * @return whether this is the first refusal of the due payout
   */
  public boolean payoutRefused(String reason, Instant now) {
    if (payout != Payout.SETTLE_DUE && payout != Payout.REVERSE_DUE) {
      throw new IllegalStateException("Deal " + id + " has no payout due");
    }
    if (payoutRefusal != null) {
      return false;
    }
    String text = reason == null || reason.isBlank() ? "refused by the bank" : reason.strip();
    payoutRefusal = text.length() > 500 ? text.substring(0, 500) : text;
    payoutRefusedAt = now;
    return true;
  }

  /**
   * The administrator fixed what made the bank refuse: the payout is due again.
   *
   * @return whether there was a refusal to clear
   */
  public boolean retryPayout() {
    if (payoutRefusal == null) {
      return false;
    }
    payoutRefusal = null;
    payoutRefusedAt = null;
    return true;
  }

  /** The bank's reason for refusing the due payout for good, or null. */
  public String payoutRefusal() {
    return payoutRefusal;
  }

  public Instant payoutRefusedAt() {
    return payoutRefusedAt;
  }

  public boolean involves(long userId) {
    return buyer.id() == userId || seller.id() == userId;
  }

  public boolean isBuyer(long userId) {
    return buyer.id() == userId;
  }

  @Override
  public StatusChange.Subject historySubject() {
    return StatusChange.Subject.DEAL;
  }

  @Override
  public StatusLog statusLog() {
    return statusLog;
  }

  @Override
  public Long id() {
    return id;
  }

  public Offer offer() {
    return offer;
  }

  public User buyer() {
    return buyer;
  }

  public User seller() {
    return seller;
  }

  public ClientAccount sellerAccount() {
    return sellerAccount;
  }

  public Money price() {
    return price;
  }

  public Percent commissionPercent() {
    return commissionPercent;
  }

  public Money paidAmount() {
    return paidAmount;
  }

  public DealState status() {
    return status;
  }

  public Payout payout() {
    return payout;
  }

  public String operationKey() {
    return operationKey;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  /** The bank groups this deal's transfers under this reference (the deal's id). */
  public String groupReference() {
    return "deal-" + id;
  }
}

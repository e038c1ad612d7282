package dev.escrow.marketplace.domain.offer;

import dev.escrow.marketplace.domain.StateConflictException;
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
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A seller's offer. It carries the marketplace's commission from its creation (the default at that
 * moment, which clients never see); it reaches the catalogue only after the administrator approved
 * it, keeping or changing that commission; any edit by the seller sends it back to moderation.
 * Deals reserve it, sell it, or release it.
 */
@Entity
@Table(name = "offer")
@EntityListeners({OfferWritten.Listener.class, HistoryListener.class})
public class Offer implements RecordsHistory {

  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 5000;
  public static final int REASON_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "seller_id")
  private User seller;

  @Column(nullable = false, length = TITLE_MAX)
  private String title;

  @Column(nullable = false, length = DESCRIPTION_MAX)
  private String description;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money price;

  @Column(name = "payment_window_seconds", nullable = false)
  private long paymentWindowSeconds;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private OfferStatus status;

  @Column(nullable = false)
  private boolean published = true;

  @Column(name = "commission_percent", nullable = false, precision = 5, scale = 2)
  private Percent commissionPercent;

  @Column(name = "rejection_reason", length = REASON_MAX)
  private String rejectionReason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  @Transient private final StatusLog statusLog = new StatusLog();

  protected Offer() {}

  /** A new offer, waiting for moderation, at the commission that is the default now. */
  public Offer(
      User seller,
      String title,
      String description,
      Money price,
      Duration paymentWindow,
      Percent commission,
      Instant now) {
    this.seller = Objects.requireNonNull(seller, "seller");
    describe(title, description, price, paymentWindow);
    this.commissionPercent = Objects.requireNonNull(commission, "commission");
    this.status = OfferStatus.PENDING_MODERATION;
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
    statusLog.add(null, status, now, "submitted", seller.login());
  }

  private void describe(String title, String description, Money price, Duration window) {
    this.title = requireText(title, "title", TITLE_MAX);
    this.description = requireText(description, "description", DESCRIPTION_MAX);
    Objects.requireNonNull(price, "price");
    if (!price.isPositive()) {
      throw new IllegalArgumentException("price must be greater than zero");
    }
    this.price = price;
    this.paymentWindowSeconds = PaymentWindow.check(window).getSeconds();
  }

  private static String requireText(String value, String what, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    String text = value.strip();
    if (text.length() > max) {
      throw new IllegalArgumentException(what + " is longer than " + max + " characters");
    }
    return text;
  }

  /** The seller changes what they offer: the changed offer has to pass moderation again. */
  public void revise(
      String title, String description, Money price, Duration paymentWindow, Instant now) {
    if (status == OfferStatus.RESERVED || status == OfferStatus.SOLD) {
      throw new StateConflictException("An offer with an open or finished deal cannot be edited");
    }
    describe(title, description, price, paymentWindow);
    moveTo(OfferStatus.PENDING_MODERATION, now, "revised", seller.login());
    rejectionReason = null;
  }

  /**
   * The administrator lets the offer into the catalogue at this commission, or at the one it
   * carries when none is given.
   */
  public void approve(Percent commission, Instant now) {
    requireStatus(OfferStatus.PENDING_MODERATION, "Only an offer waiting for moderation");
    if (commission != null) {
      this.commissionPercent = commission;
    }
    moveTo(OfferStatus.ACTIVE, now, "approved", User.ADMIN_LOGIN);
    this.rejectionReason = null;
  }

  /** The administrator refuses the offer, telling the seller why. */
  public void reject(String reason, Instant now) {
    requireStatus(OfferStatus.PENDING_MODERATION, "Only an offer waiting for moderation");
    this.rejectionReason = requireText(reason, "reason", REASON_MAX);
    moveTo(OfferStatus.REJECTED, now, reason, User.ADMIN_LOGIN);
  }

  /** The seller shows or hides the offer in the catalogue (moderation is not affected). */
  public void publish(boolean visible, Instant now) {
    this.published = visible;
    this.updatedAt = now;
  }

  /**
   * A deal was opened on the offer by this buyer: nobody else can buy it meanwhile. {@code why}
   * names the deal, which has its id only once stored.
   */
  public void reserve(Instant now, String buyerLogin, Supplier<String> why) {
    requireStatus(OfferStatus.ACTIVE, "Only an active offer");
    if (!published) {
      throw new StateConflictException("A hidden offer cannot be bought");
    }
    moveTo(OfferStatus.RESERVED, now, why, buyerLogin);
  }

  /** The deal on the offer was paid in full. */
  public void markSold(String why, Instant now) {
    requireStatus(OfferStatus.RESERVED, "Only a reserved offer");
    moveTo(OfferStatus.SOLD, now, why, StatusChange.SYSTEM);
  }

  /** The deal on the offer expired: the offer is for sale again. */
  public void release(String why, Instant now) {
    requireStatus(OfferStatus.RESERVED, "Only a reserved offer");
    moveTo(OfferStatus.ACTIVE, now, why, StatusChange.SYSTEM);
  }

  private void moveTo(OfferStatus next, Instant now, String why, String actor) {
    moveTo(next, now, () -> why, actor);
  }

  /** The one place the status changes: the change goes to the offer's history. */
  private void moveTo(OfferStatus next, Instant now, Supplier<String> why, String actor) {
    statusLog.add(status.name(), next.name(), now, why, actor);
    status = next;
    updatedAt = now;
  }

  private void requireStatus(OfferStatus expected, String who) {
    if (status != expected) {
      throw new StateConflictException(
          who + " can be changed this way; this one is " + status.name());
    }
  }

  /** Whether a buyer (not the seller) may see it in the catalogue. */
  public boolean isInCatalogue() {
    return status == OfferStatus.ACTIVE && published;
  }

  /**
   * Whether this user may see the offer: everybody when it is in the catalogue, its seller in any
   * state.
   */
  public boolean isVisibleTo(User user) {
    return isInCatalogue() || isSoldBy(user.id());
  }

  @Override
  public StatusChange.Subject historySubject() {
    return StatusChange.Subject.OFFER;
  }

  @Override
  public StatusLog statusLog() {
    return statusLog;
  }

  public boolean isSoldBy(long userId) {
    return seller.id() == userId;
  }

  @Override
  public Long id() {
    return id;
  }

  public User seller() {
    return seller;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public Money price() {
    return price;
  }

  public Duration paymentWindow() {
    return Duration.ofSeconds(paymentWindowSeconds);
  }

  public OfferStatus status() {
    return status;
  }

  public boolean published() {
    return published;
  }

  /** The marketplace's commission: for the administrator and for deals, never for clients. */
  public Percent commissionPercent() {
    return commissionPercent;
  }

  public String rejectionReason() {
    return rejectionReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}

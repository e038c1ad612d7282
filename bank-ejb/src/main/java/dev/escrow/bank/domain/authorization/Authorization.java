package dev.escrow.bank.domain.authorization;

import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.security.Sha256;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A one-time code sent to the account holder, bound to what it confirms: one payment (this amount,
 * this fee, this payee) or one balance look-up. Only a hash of the code salted with the
 * authorization's id is kept; checks compare in constant time. Valid for a limited time, at most
 * {@link #MAX_ATTEMPTS} tries (then locked), used once.
 */
@Entity
@Table(name = "authorization_request")
public class Authorization {

  public static final int MAX_ATTEMPTS = 5;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "public_id", nullable = false, unique = true, length = 36)
  private String publicId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "api_client_id")
  private ApiClient client;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id")
  private Account account;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Purpose purpose;

  @Column(precision = 19, scale = 2)
  private Money amount;

  @Column(precision = 19, scale = 2)
  private Money fee;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "payee_account_id")
  private Account payee;

  @Column(length = 200)
  private String reference;

  @Column(name = "code_hash", nullable = false, length = 64)
  private String codeHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AuthorizationStatus status;

  @Column(name = "attempts_left", nullable = false)
  private int attemptsLeft;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected Authorization() {}

  private Authorization(
      ApiClient client,
      Account account,
      Purpose purpose,
      Money amount,
      Money fee,
      Account payee,
      String reference,
      String code,
      Instant now,
      Duration ttl) {
    this.publicId = UUID.randomUUID().toString();
    this.client = Objects.requireNonNull(client);
    this.account = Objects.requireNonNull(account);
    this.purpose = purpose;
    this.amount = amount;
    this.fee = fee;
    this.payee = payee;
    this.reference = reference;
    this.codeHash = hash(code);
    this.status = AuthorizationStatus.PENDING;
    this.attemptsLeft = MAX_ATTEMPTS;
    this.createdAt = now;
    this.expiresAt = now.plus(ttl);
  }

  /** A code that confirms paying {@code amount} plus {@code fee} to {@code payee}. */
  public static Authorization forPayment(
      ApiClient client,
      Account payer,
      Money amount,
      Money fee,
      Account payee,
      String reference,
      String code,
      Instant now,
      Duration ttl) {
    if (amount == null || !amount.isPositive()) {
      throw new IllegalArgumentException("A payment's amount is greater than zero");
    }
    if (fee == null || fee.isNegative()) {
      throw new IllegalArgumentException("A payment's fee is zero or more");
    }
    if (payee == null || payer.number().equals(payee.number())) {
      throw new IllegalArgumentException("A payment goes to another account");
    }
    return new Authorization(
        client, payer, Purpose.PAYMENT, amount, fee, payee, reference, code, now, ttl);
  }

  /** A code that confirms one look-up of the account's balance. */
  public static Authorization forBalance(
      ApiClient client, Account account, String reference, String code, Instant now, Duration ttl) {
    return new Authorization(
        client, account, Purpose.BALANCE, null, null, null, reference, code, now, ttl);
  }

  /** Checks a code entered by the holder; a wrong one costs a try, the last wrong one locks. */
  public Verification verify(String code, Instant now) {
    switch (status) {
      case LOCKED:
        return new Verification(Verification.Outcome.LOCKED, 0);
      case USED:
        return new Verification(Verification.Outcome.ALREADY_USED, attemptsLeft);
      case VERIFIED:
        // A repeat of the right code before the code is used answers as the first time: the
        // partner may have lost our answer (its transaction rolled back in a crash) and asks
        // again. It grants nothing more: the one transfer or balance look-up still uses it once.
        return matches(code)
            ? new Verification(Verification.Outcome.VERIFIED, attemptsLeft)
            : new Verification(Verification.Outcome.ALREADY_USED, attemptsLeft);
      default:
        break;
    }
    if (isExpiredAt(now)) {
      return new Verification(Verification.Outcome.EXPIRED, attemptsLeft);
    }
    if (matches(code)) {
      status = AuthorizationStatus.VERIFIED;
      verifiedAt = now;
      return new Verification(Verification.Outcome.VERIFIED, attemptsLeft);
    }
    attemptsLeft--;
    if (attemptsLeft <= 0) {
      attemptsLeft = 0;
      status = AuthorizationStatus.LOCKED;
    }
    return new Verification(Verification.Outcome.WRONG_CODE, attemptsLeft);
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Consumes a verified code for the one thing it confirms. */
  public void use(Instant now) {
    if (status != AuthorizationStatus.VERIFIED) {
      throw new IllegalStateException("Only a verified authorization is used");
    }
    status = AuthorizationStatus.USED;
    usedAt = now;
  }

  /** A verified payment code confirms exactly this payment and nothing else. */
  public boolean confirms(Account payer, Account payee, Money amount, Money fee) {
    return purpose == Purpose.PAYMENT
        && this.account.id().equals(payer.id())
        && this.payee.id().equals(payee.id())
        && this.amount.equals(amount)
        && this.fee.equals(fee);
  }

  /** A verified balance code confirms one look-up of this account. */
  public boolean confirmsBalanceOf(Account account) {
    return purpose == Purpose.BALANCE
        && status == AuthorizationStatus.VERIFIED
        && this.account.id().equals(account.id());
  }

  private boolean matches(String code) {
    if (code == null) {
      return false;
    }
    return MessageDigest.isEqual(
        codeHash.getBytes(StandardCharsets.US_ASCII),
        hash(code.strip()).getBytes(StandardCharsets.US_ASCII));
  }

  private String hash(String code) {
    return Sha256.hex(publicId + ":" + code);
  }

  public Long id() {
    return id;
  }

  public String publicId() {
    return publicId;
  }

  public ApiClient client() {
    return client;
  }

  public Account account() {
    return account;
  }

  public Purpose purpose() {
    return purpose;
  }

  public Money amount() {
    return amount;
  }

  public Money fee() {
    return fee;
  }

  public Money total() {
    return amount == null ? null : amount.plus(fee);
  }

  public Account payee() {
    return payee;
  }

  public AuthorizationStatus status() {
    return status;
  }

  public int attemptsLeft() {
    return attemptsLeft;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String reference() {
    return reference;
  }
}

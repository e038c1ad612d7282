package dev.escrow.bank.domain.transfer;

import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.authorization.Authorization;
import dev.escrow.bank.domain.fee.FeeIncome;
import dev.escrow.bank.domain.ledger.Direction;
import dev.escrow.bank.domain.ledger.EntryKind;
import dev.escrow.bank.domain.ledger.LedgerEntry;
import dev.escrow.bank.domain.ledger.Posting;
import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.platform.money.Money;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One payment from a payer's balance to a payee's hold, under an operation. Accepted at once,
 * carried out later by the transfer queue: completed (money moved) or failed (nothing moved).
 */
@Entity
@Table(name = "transfer")
public class Transfer {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transfer_seq")
  @SequenceGenerator(name = "transfer_seq", sequenceName = "transfer_seq", allocationSize = 50)
  private Long id;

  @Column(name = "public_id", nullable = false, unique = true, length = 36)
  private String publicId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "api_client_id")
  private ApiClient client;

  @Column(name = "idempotency_key", nullable = false, length = 100)
  private String idempotencyKey;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "operation_id")
  private Operation operation;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "authorization_id")
  private Authorization authorization;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "payer_account_id")
  private Account payer;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "payee_account_id")
  private Account payee;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money amount;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money fee;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TransferStatus status;

  @Column(name = "failure_reason", length = 200)
  private String failureReason;

  @Column(name = "accepted_at", nullable = false)
  private Instant acceptedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "reversed_at")
  private Instant reversedAt;

  @OneToMany(mappedBy = "transfer", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<TransferStatusChange> history = new ArrayList<>();

  protected Transfer() {}

  /** Accepts the transfer a verified payment code confirms; the code is used up. */
  public static Transfer accept(
      ApiClient client,
      String idempotencyKey,
      Operation operation,
      Authorization authorization,
      Account payer,
      Account payee,
      Money amount,
      Money fee,
      Instant now) {
    if (!authorization.confirms(payer, payee, amount, fee)) {
      throw new IllegalArgumentException("The authorization confirms another payment");
    }
    operation.requireOpen();
    authorization.use(now);
    Transfer transfer = new Transfer();
    transfer.publicId = UUID.randomUUID().toString();
    transfer.client = Objects.requireNonNull(client);
    transfer.idempotencyKey = Objects.requireNonNull(idempotencyKey);
    transfer.operation = operation;
    transfer.authorization = authorization;
    transfer.payer = payer;
    transfer.payee = payee;
    transfer.amount = amount;
    transfer.fee = fee;
    transfer.status = TransferStatus.ACCEPTED;
    transfer.acceptedAt = now;
    transfer.history.add(
        new TransferStatusChange(
            transfer, null, TransferStatus.ACCEPTED, "code verified", client.name(), now));
    return transfer;
  }

  public static final String INSUFFICIENT_FUNDS = "insufficient funds";

  /**
   * Carries the transfer out on its locked accounts: the posting in which the payer pays amount and
   * fee, the payee holds the amount and the payer's bank earns the fee. When the payer's balance
   * does not cover it all the transfer fails and there is nothing to post.
   */
  public Optional<Posting> carryOut(
      Account lockedPayer, Account lockedPayee, FeeIncome payerBankIncome, Instant now) {
    requireStatus(TransferStatus.ACCEPTED);
    requireOwn(lockedPayer, lockedPayee);
    if (!lockedPayer.canPay(total())) {
      fail(INSUFFICIENT_FUNDS, now);
      return Optional.empty();
    }
    Posting.Builder posting =
        Posting.of(id, operation.id(), now)
            .balance(EntryKind.TRANSFER, lockedPayer, Direction.DEBIT, amount)
            .held(EntryKind.TRANSFER, lockedPayee, Direction.CREDIT, amount);
    if (fee.isPositive()) {
      posting
          .balance(EntryKind.FEE, lockedPayer, Direction.DEBIT, fee)
          .fee(EntryKind.FEE, payerBankIncome, lockedPayer.bank(), Direction.CREDIT, fee);
    }
    complete(now);
    return Optional.of(posting.build());
  }

  /**
   * Returns a completed transfer: the posting that compensates each row it first wrote (the payee's
   * hold gives the amount back, the payer gets amount and fee, the bank refunds the fee).
   */
  public Posting reverse(
      Account lockedPayer,
      Account lockedPayee,
      FeeIncome payerBankIncome,
      List<LedgerEntry> originalRows,
      Instant now) {
    requireStatus(TransferStatus.COMPLETED);
    requireOwn(lockedPayer, lockedPayee);
    Posting.Builder posting = Posting.of(id, operation.id(), now);
    for (LedgerEntry row : originalRows) {
      Account account = payer.id().equals(row.accountId()) ? lockedPayer : lockedPayee;
      posting.reversing(row, account, payerBankIncome);
    }
    moveTo(TransferStatus.REVERSED, "operation reversed", client.name(), now);
    reversedAt = now;
    return posting.build();
  }

  private void requireOwn(Account lockedPayer, Account lockedPayee) {
    if (!lockedPayer.id().equals(payer.id()) || !lockedPayee.id().equals(payee.id())) {
      throw new IllegalArgumentException("These are not the transfer's accounts");
    }
  }

  /** The money moved: the payer paid amount and fee, the payee holds the amount. */
  void complete(Instant now) {
    requireStatus(TransferStatus.ACCEPTED);
    moveTo(TransferStatus.COMPLETED, "carried out", "bank", now);
    completedAt = now;
  }

  /** Nothing moved, for the reason given. */
  public void fail(String reason, Instant now) {
    requireStatus(TransferStatus.ACCEPTED);
    moveTo(TransferStatus.FAILED, reason, "bank", now);
    failureReason = reason;
    completedAt = now;
  }

  private void moveTo(TransferStatus next, String reason, String actor, Instant now) {
    history.add(new TransferStatusChange(this, status, next, reason, actor, now));
    status = next;
  }

  public List<TransferStatusChange> history() {
    return List.copyOf(history);
  }

  private void requireStatus(TransferStatus expected) {
    if (status != expected) {
      throw new IllegalStateException(
          "Transfer " + publicId + " is " + status + ", not " + expected);
    }
  }

  public Money total() {
    return amount.plus(fee);
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

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Operation operation() {
    return operation;
  }

  public Authorization authorization() {
    return authorization;
  }

  public Account payer() {
    return payer;
  }

  public Account payee() {
    return payee;
  }

  public Money amount() {
    return amount;
  }

  public Money fee() {
    return fee;
  }

  public TransferStatus status() {
    return status;
  }

  public String failureReason() {
    return failureReason;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public Instant acceptedAt() {
    return acceptedAt;
  }
}

package dev.escrow.bank.domain.ledger;

import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.transfer.Operation;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.platform.money.Money;
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
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One movement of money in one bucket. Immutable: never updated nor deleted. A reversal is a new
 * row in the opposite direction pointing at the row it compensates. One factory per movement.
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "external_id", nullable = false, unique = true, length = 64, updatable = false)
  private String externalId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24, updatable = false)
  private EntryKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private Bucket bucket;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8, updatable = false)
  private Direction direction;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", updatable = false)
  private Account account;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "bank_id", updatable = false)
  private Bank bank;

  @Column(nullable = false, precision = 19, scale = 2, updatable = false)
  private Money amount;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "transfer_id", updatable = false)
  private Transfer transfer;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "operation_id", updatable = false)
  private Operation operation;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "reverses_entry_id", updatable = false)
  private LedgerEntry reverses;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected LedgerEntry() {}

  private LedgerEntry(
      EntryKind kind,
      Bucket bucket,
      Direction direction,
      Account account,
      Bank bank,
      Money amount,
      Transfer transfer,
      Operation operation,
      LedgerEntry reverses,
      Instant at) {
    if (amount == null || !amount.isPositive()) {
      throw new IllegalArgumentException("A ledger row moves a positive amount");
    }
    if ((bucket == Bucket.FEE_INCOME) != (bank != null && account == null)) {
      throw new IllegalArgumentException("Fee income rows name a bank, other rows an account");
    }
    this.externalId = UUID.randomUUID().toString();
    this.kind = kind;
    this.bucket = bucket;
    this.direction = direction;
    this.account = account;
    this.bank = bank;
    this.amount = amount;
    this.transfer = transfer;
    this.operation = operation;
    this.reverses = reverses;
    this.createdAt = at;
  }

  public static LedgerEntry deposit(Account account, Money amount, Instant at) {
    return new LedgerEntry(
        EntryKind.DEPOSIT,
        Bucket.BALANCE,
        Direction.CREDIT,
        account,
        null,
        amount,
        null,
        null,
        null,
        at);
  }

  /** The payer's balance gives the transfer's amount. */
  public static LedgerEntry transferDebit(Transfer transfer, Instant at) {
    return new LedgerEntry(
        EntryKind.TRANSFER,
        Bucket.BALANCE,
        Direction.DEBIT,
        transfer.payer(),
        null,
        transfer.amount(),
        transfer,
        transfer.operation(),
        null,
        at);
  }

  /** The payee's hold receives the transfer's amount. */
  public static LedgerEntry transferHold(Transfer transfer, Instant at) {
    return new LedgerEntry(
        EntryKind.TRANSFER,
        Bucket.HELD,
        Direction.CREDIT,
        transfer.payee(),
        null,
        transfer.amount(),
        transfer,
        transfer.operation(),
        null,
        at);
  }

  /** The payer's balance gives the fee. */
  public static LedgerEntry feeDebit(Transfer transfer, Instant at) {
    return new LedgerEntry(
        EntryKind.FEE,
        Bucket.BALANCE,
        Direction.DEBIT,
        transfer.payer(),
        null,
        transfer.fee(),
        transfer,
        transfer.operation(),
        null,
        at);
  }

  /** The payer's bank earns the fee. */
  public static LedgerEntry feeIncome(Transfer transfer, Bank bank, Instant at) {
    return new LedgerEntry(
        EntryKind.FEE,
        Bucket.FEE_INCOME,
        Direction.CREDIT,
        null,
        bank,
        transfer.fee(),
        transfer,
        transfer.operation(),
        null,
        at);
  }

  /** Settlement: held money leaves the payee's hold ... */
  public static LedgerEntry settlementRelease(
      Operation operation, Account payee, Money amount, Instant at) {
    return new LedgerEntry(
        EntryKind.SETTLEMENT,
        Bucket.HELD,
        Direction.DEBIT,
        payee,
        null,
        amount,
        null,
        operation,
        null,
        at);
  }

  /** ... and becomes the payee's balance, less the commission ... */
  public static LedgerEntry settlementCredit(
      Operation operation, Account payee, Money amount, Instant at) {
    return new LedgerEntry(
        EntryKind.SETTLEMENT,
        Bucket.BALANCE,
        Direction.CREDIT,
        payee,
        null,
        amount,
        null,
        operation,
        null,
        at);
  }

  /** ... which goes to the commission account. */
  public static LedgerEntry commission(
      Operation operation, Account commissionAccount, Money amount, Instant at) {
    return new LedgerEntry(
        EntryKind.COMMISSION,
        Bucket.BALANCE,
        Direction.CREDIT,
        commissionAccount,
        null,
        amount,
        null,
        operation,
        null,
        at);
  }

  /** The compensating row: same bucket, same amount, the other direction. */
  public LedgerEntry reversal(Instant at) {
    if (reverses != null) {
      throw new IllegalStateException("A reversal is not reversed again");
    }
    return new LedgerEntry(
        EntryKind.REVERSAL,
        bucket,
        direction.opposite(),
        account,
        bank,
        amount,
        transfer,
        operation,
        this,
        at);
  }

  public Long id() {
    return id;
  }

  public String externalId() {
    return externalId;
  }

  public EntryKind kind() {
    return kind;
  }

  public Bucket bucket() {
    return bucket;
  }

  public Direction direction() {
    return direction;
  }

  public Money amount() {
    return amount;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

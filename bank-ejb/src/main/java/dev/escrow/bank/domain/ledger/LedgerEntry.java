package dev.escrow.bank.domain.ledger;

import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.bank.Bank;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One leg of a {@link Posting}: money into or out of one bucket. Immutable: never updated nor
 * deleted. A reversal is a new row in the opposite direction pointing at the row it compensates.
 * The transfer and the operation are named by id: the ledger knows no transfer.
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_entry_seq")
  @SequenceGenerator(
      name = "ledger_entry_seq",
      sequenceName = "ledger_entry_seq",
      allocationSize = 50)
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

  @Column(name = "transfer_id", updatable = false)
  private Long transferId;

  @Column(name = "operation_id", updatable = false)
  private Long operationId;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "reverses_entry_id", updatable = false)
  private LedgerEntry reverses;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected LedgerEntry() {}

  /** The row of one leg; only a posting being applied makes rows. */
  static LedgerEntry of(Posting.Leg leg, Long transferId, Long operationId, Instant at) {
    if (leg.amount() == null || !leg.amount().isPositive()) {
      throw new IllegalArgumentException("A ledger row moves a positive amount");
    }
    boolean ofBank = leg.bucket() == Bucket.FEE_INCOME || leg.bucket() == Bucket.DEPOSITS;
    if (ofBank != (leg.bank() != null && leg.account() == null)) {
      throw new IllegalArgumentException(
          "Fee income and deposits rows name a bank, other rows an account");
    }
    LedgerEntry row = new LedgerEntry();
    row.externalId = UUID.randomUUID().toString();
    row.kind = leg.kind();
    row.bucket = leg.bucket();
    row.direction = leg.direction();
    row.account = leg.account();
    row.bank = leg.bank();
    row.amount = leg.amount();
    row.transferId = transferId;
    row.operationId = operationId;
    row.reverses = leg.reverses();
    row.createdAt = at;
    return row;
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

  public Long accountId() {
    return account == null ? null : account.id();
  }

  Bank bank() {
    return bank;
  }

  public Long transferId() {
    return transferId;
  }

  public Long operationId() {
    return operationId;
  }

  public LedgerEntry reverses() {
    return reverses;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

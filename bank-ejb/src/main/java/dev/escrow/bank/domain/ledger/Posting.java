package dev.escrow.bank.domain.ledger;

import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.fee.FeeIncome;
import dev.escrow.platform.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One movement of money: legs whose signed amounts (credit +, debit -) sum to zero, so money only
 * ever moves between buckets and never appears or vanishes. Built by the aggregate that decides the
 * movement, applied by {@link Ledger#post} alone, which changes the locked accounts and fee income
 * and writes one row per leg in the same step. Refers to its transfer and operation by id.
 */
public final class Posting {

  /** One bucket's side of the posting; {@code reverses} is set on a compensating leg. */
  record Leg(
      EntryKind kind,
      Bucket bucket,
      Direction direction,
      Money amount,
      Account account,
      Bank bank,
      FeeIncome income,
      LedgerEntry reverses) {

    Money signed() {
      return direction == Direction.CREDIT ? amount : Money.ZERO.minus(amount);
    }
  }

  private final Long transferId;
  private final Long operationId;
  private final Instant at;
  private final List<Leg> legs;

  private Posting(Long transferId, Long operationId, Instant at, List<Leg> legs) {
    if (legs.isEmpty()) {
      throw new IllegalArgumentException("A posting has legs");
    }
    Money sum = legs.stream().map(Leg::signed).reduce(Money.ZERO, Money::plus);
    if (!sum.equals(Money.ZERO)) {
      throw new IllegalArgumentException("The legs of a posting sum to " + sum + ", not to zero");
    }
    this.transferId = transferId;
    this.operationId = operationId;
    this.at = Objects.requireNonNull(at);
    this.legs = List.copyOf(legs);
  }

  /** A posting of a transfer (and its operation), of an operation alone, or of neither. */
  public static Builder of(Long transferId, Long operationId, Instant at) {
    return new Builder(transferId, operationId, at);
  }

  /** An operator's deposit: the account's balance against its bank's deposits. */
  public static Posting deposit(Account account, Money amount, Instant at) {
    return of(null, null, at)
        .balance(EntryKind.DEPOSIT, account, Direction.CREDIT, amount)
        .deposits(account.bank(), Direction.DEBIT, amount)
        .build();
  }

  /** Moves the money of every leg on the (locked) accounts and fee income; the rows to write. */
  List<LedgerEntry> apply() {
    List<LedgerEntry> rows = new ArrayList<>(legs.size());
    for (Leg leg : legs) {
      move(leg);
      rows.add(LedgerEntry.of(leg, transferId, operationId, at));
    }
    return rows;
  }

  private static void move(Leg leg) {
    boolean in = leg.direction() == Direction.CREDIT;
    switch (leg.bucket()) {
      case BALANCE -> {
        if (in) {
          leg.account().credit(leg.amount());
        } else {
          leg.account().debit(leg.amount());
        }
      }
      case HELD -> {
        if (in) {
          leg.account().hold(leg.amount());
        } else {
          leg.account().releaseHold(leg.amount());
        }
      }
      case FEE_INCOME -> {
        if (in) {
          leg.income().earn(leg.amount());
        } else {
          leg.income().refund(leg.amount());
        }
      }
      case DEPOSITS -> {
        // Outside the bank: nothing on its books holds this money.
      }
    }
  }

  /** The sum of the legs' signed amounts (zero, by construction). */
  public Money sum() {
    return legs.stream().map(Leg::signed).reduce(Money.ZERO, Money::plus);
  }

  public int size() {
    return legs.size();
  }

  List<Leg> legs() {
    return legs;
  }

  /** Collects the legs; {@link #build} refuses them unless they sum to zero. */
  public static final class Builder {
    private final Long transferId;
    private final Long operationId;
    private final Instant at;
    private final List<Leg> legs = new ArrayList<>();

    private Builder(Long transferId, Long operationId, Instant at) {
      this.transferId = transferId;
      this.operationId = operationId;
      this.at = at;
    }

    public Builder balance(EntryKind kind, Account account, Direction direction, Money amount) {
      return add(new Leg(kind, Bucket.BALANCE, direction, amount, account, null, null, null));
    }

    public Builder held(EntryKind kind, Account account, Direction direction, Money amount) {
      return add(new Leg(kind, Bucket.HELD, direction, amount, account, null, null, null));
    }

    /** A part of a bank's fee income ({@code bank} is the bank the part belongs to). */
    public Builder fee(
        EntryKind kind, FeeIncome income, Bank bank, Direction direction, Money amount) {
      if (!income.bankId().equals(bank.id())) {
        throw new IllegalArgumentException("The fee income is not this bank's");
      }
      return add(new Leg(kind, Bucket.FEE_INCOME, direction, amount, null, bank, income, null));
    }

    public Builder deposits(Bank bank, Direction direction, Money amount) {
      return add(
          new Leg(EntryKind.DEPOSIT, Bucket.DEPOSITS, direction, amount, null, bank, null, null));
    }

    /**
     * Compensates one row: the same bucket and amount, the other direction, on the locked account
     * or fee income the row moved.
     */
    public Builder reversing(LedgerEntry original, Account account, FeeIncome income) {
      if (original.reverses() != null || original.kind() == EntryKind.REVERSAL) {
        throw new IllegalStateException("A reversal is not reversed again");
      }
      boolean fee = original.bucket() == Bucket.FEE_INCOME;
      if (fee ? income == null : account == null || !account.id().equals(original.accountId())) {
        throw new IllegalArgumentException("Not the bucket row " + original.id() + " moved");
      }
      return add(
          new Leg(
              EntryKind.REVERSAL,
              original.bucket(),
              original.direction().opposite(),
              original.amount(),
              fee ? null : account,
              fee ? original.bank() : null,
              fee ? income : null,
              original));
    }

    private Builder add(Leg leg) {
      if (leg.amount() == null || !leg.amount().isPositive()) {
        throw new IllegalArgumentException("A leg moves a positive amount");
      }
      legs.add(leg);
      return this;
    }

    public Posting build() {
      return new Posting(transferId, operationId, at, legs);
    }
  }
}

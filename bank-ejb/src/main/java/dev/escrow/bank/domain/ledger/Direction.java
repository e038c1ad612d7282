package dev.escrow.bank.domain.ledger;

/** Money into (CREDIT) or out of (DEBIT) a bucket. */
public enum Direction {
  CREDIT,
  DEBIT;

  public Direction opposite() {
    return this == CREDIT ? DEBIT : CREDIT;
  }
}

package dev.escrow.bank.domain.ledger;

/** Where a ledger row moves money: an account's spendable balance or hold, or a bank's fees. */
public enum Bucket {
  BALANCE,
  HELD,
  FEE_INCOME
}

package dev.escrow.bank.domain.ledger;

/**
 * Where a ledger row moves money: an account's spendable balance or hold, a bank's fees, or a
 * bank's deposits (money that came in from outside: the other side of every deposit, so that a
 * deposit too is a balanced posting).
 */
public enum Bucket {
  BALANCE,
  HELD,
  FEE_INCOME,
  DEPOSITS
}

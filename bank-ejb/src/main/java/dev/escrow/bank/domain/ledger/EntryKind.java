package dev.escrow.bank.domain.ledger;

/** Why money moved. */
public enum EntryKind {
  DEPOSIT,
  TRANSFER,
  FEE,
  SETTLEMENT,
  COMMISSION,
  REVERSAL
}

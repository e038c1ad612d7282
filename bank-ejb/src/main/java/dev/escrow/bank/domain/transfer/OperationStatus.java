package dev.escrow.bank.domain.transfer;

/** OPEN (money held) -> SETTLED (paid out) or REVERSED (returned). */
public enum OperationStatus {
  OPEN,
  SETTLED,
  REVERSED
}

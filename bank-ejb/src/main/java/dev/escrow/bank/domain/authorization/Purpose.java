package dev.escrow.bank.domain.authorization;

/** What a confirmation code confirms. */
public enum Purpose {
  PAYMENT,
  BALANCE
}

package dev.escrow.bank.domain.authorization;

/** PENDING (code sent) -> VERIFIED (right code) -> USED; or LOCKED after too many wrong codes. */
public enum AuthorizationStatus {
  PENDING,
  VERIFIED,
  LOCKED,
  USED
}

package dev.escrow.marketplace.infrastructure.bank;

import jakarta.ejb.ApplicationException;

/**
 * The bank answered, and said no for good (the fee changed, the authorization was used, the
 * operation was already reversed): retrying will not help. Its message is the bank's reason.
 */
@ApplicationException(rollback = false)
public class BankRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BankRefusedException(String reason) {
    super(reason);
  }
}

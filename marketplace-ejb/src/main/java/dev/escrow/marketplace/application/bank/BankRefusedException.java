package dev.escrow.marketplace.application.bank;

import jakarta.ejb.ApplicationException;

/**
 * The bank answered, and said no for good (the fee changed, the authorization was used, the
 * operation was already reversed): retrying the same request will never succeed. Its message is the
 * bank's reason (the problem's detail).
 */
@ApplicationException(rollback = false)
public class BankRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BankRefusedException(String reason) {
    super(reason);
  }
}

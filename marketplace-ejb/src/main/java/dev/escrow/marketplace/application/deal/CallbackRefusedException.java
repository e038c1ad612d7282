package dev.escrow.marketplace.application.deal;

import jakarta.ejb.ApplicationException;

/** A callback that does not prove it comes from the bank: answered 401, nothing is changed. */
@ApplicationException(rollback = true)
public class CallbackRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CallbackRefusedException(String message) {
    super(message);
  }
}

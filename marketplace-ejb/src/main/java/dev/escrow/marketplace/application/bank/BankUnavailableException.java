package dev.escrow.marketplace.application.bank;

import dev.escrow.platform.problem.UnavailableException;
import jakarta.ejb.ApplicationException;

/**
 * The bank could not be reached, was busy, or cannot do it yet: retry later. A synchronous request
 * that needed the bank is answered 503 with Retry-After, and nothing is changed (the transaction
 * rolls back).
 */
@ApplicationException(rollback = true)
public class BankUnavailableException extends UnavailableException {

  private static final long serialVersionUID = 1L;

  public BankUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public BankUnavailableException(String message) {
    super(message);
  }

  /** The caller is told only that the bank is away; the message (logged) says why. */
  @Override
  public String detail() {
    return "The bank cannot be reached at the moment; try again later";
  }
}

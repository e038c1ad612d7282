package dev.escrow.marketplace.application.bank;

import jakarta.ejb.ApplicationException;

/**
 * The bank could not be reached, was busy, or cannot do it yet: retry later. A synchronous request
 * that needed the bank is answered 503 with Retry-After, and nothing is changed (the transaction
 * rolls back).
 */
@ApplicationException(rollback = true)
public class BankUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  public static final int RETRY_AFTER_SECONDS = 30;

  public BankUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public BankUnavailableException(String message) {
    super(message);
  }
}

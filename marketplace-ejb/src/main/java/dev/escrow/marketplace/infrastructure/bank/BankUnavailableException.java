package dev.escrow.marketplace.infrastructure.bank;

import jakarta.ejb.ApplicationException;

/**
 * The bank service could not be reached or did not answer sensibly: the step that needed it is
 * answered with 503 and Retry-After, and nothing is changed.
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

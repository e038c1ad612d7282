package dev.escrow.platform.problem;

import jakarta.ejb.ApplicationException;

/**
 * Answered as 503 with Retry-After: a collaborator (the bank, the mail server) cannot be reached
 * now; nothing changed, the transaction rolls back. {@link #detail()} is what the caller is told;
 * the message (logged) may say more.
 */
@ApplicationException(rollback = true)
public class UnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  public static final int RETRY_AFTER_SECONDS = 30;

  public UnavailableException(String message) {
    super(message);
  }

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What the answer says; by default the message. */
  public String detail() {
    return getMessage();
  }

  /** When the caller should try again. */
  public int retryAfterSeconds() {
    return RETRY_AFTER_SECONDS;
  }
}

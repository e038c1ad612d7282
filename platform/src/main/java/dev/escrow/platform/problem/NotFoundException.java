package dev.escrow.platform.problem;

import jakarta.ejb.ApplicationException;

/**
 * Answered as 404: the thing asked for does not exist, or the caller may not see it (never
 * revealing which). Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}

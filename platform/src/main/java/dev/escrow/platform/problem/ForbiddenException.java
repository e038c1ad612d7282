package dev.escrow.platform.problem;

import jakarta.ejb.ApplicationException;

/**
 * Answered as 403: the caller may not see or do this (e.g. a balance without a verified code).
 * Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }
}

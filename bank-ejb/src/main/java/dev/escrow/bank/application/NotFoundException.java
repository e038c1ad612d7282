package dev.escrow.bank.application;

import jakarta.ejb.ApplicationException;

/**
 * Answered as 404: the thing asked for does not exist (or belongs to another partner). Rolls the
 * transaction back.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}

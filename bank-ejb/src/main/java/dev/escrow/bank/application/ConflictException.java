package dev.escrow.bank.application;

import jakarta.ejb.ApplicationException;

/** Answered as 409: the state of the thing forbids the action. Rolls the transaction back. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}

package dev.escrow.bank.application;

import jakarta.ejb.ApplicationException;

/**
 * Answered as 503: a collaborator (the mail server) cannot be reached now; nothing changed. Rolls
 * the transaction back.
 */
@ApplicationException(rollback = true)
public class UnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }
}

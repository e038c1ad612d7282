package dev.escrow.bank.domain.transfer;

import dev.escrow.platform.problem.ConflictException;

/** The operation's state forbids the action (settle after reverse, a transfer still queued...). */
@jakarta.ejb.ApplicationException(rollback = true)
public class OperationConflictException extends ConflictException {

  private static final long serialVersionUID = 1L;

  public OperationConflictException(String message) {
    super(message);
  }
}

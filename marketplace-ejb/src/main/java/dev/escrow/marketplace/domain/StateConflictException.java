package dev.escrow.marketplace.domain;

import dev.escrow.platform.problem.ConflictException;
import jakarta.ejb.ApplicationException;

/**
 * An aggregate refuses an action because of its current state (an offer that is not waiting for
 * moderation cannot be approved). Answered as 409; rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class StateConflictException extends ConflictException {

  private static final long serialVersionUID = 1L;

  public StateConflictException(String message) {
    super(message);
  }
}

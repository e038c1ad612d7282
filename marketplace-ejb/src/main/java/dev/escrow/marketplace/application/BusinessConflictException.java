package dev.escrow.marketplace.application;

import dev.escrow.platform.problem.ConflictException;
import jakarta.ejb.ApplicationException;

/**
 * The object's state (or a unique value already taken) forbids the action: answered as 409, or a
 * message next to {@link #field()} on a page. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class BusinessConflictException extends ConflictException {

  private static final long serialVersionUID = 1L;

  public BusinessConflictException(String field, String message) {
    super(field, message);
  }
}

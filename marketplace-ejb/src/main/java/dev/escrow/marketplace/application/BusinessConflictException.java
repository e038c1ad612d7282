package dev.escrow.marketplace.application;

import jakarta.ejb.ApplicationException;

/**
 * The object's state (or a unique value already taken) forbids the action: answered as 409, or a
 * message next to {@link #field()} on a page. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class BusinessConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public BusinessConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}

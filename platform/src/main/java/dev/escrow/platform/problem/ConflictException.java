package dev.escrow.platform.problem;

import jakarta.ejb.ApplicationException;

/**
 * Answered as 409: the state of the thing (or a unique value already taken) forbids the action,
 * naming the field where there is one (a page shows the message next to it). Rolls the transaction
 * back.
 */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public ConflictException(String message) {
    this(null, message);
  }

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request's field the conflict is about, or {@code null}. */
  public String field() {
    return field;
  }
}

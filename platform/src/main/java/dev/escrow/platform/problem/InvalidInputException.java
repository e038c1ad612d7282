package dev.escrow.platform.problem;

import jakarta.ejb.ApplicationException;

/**
 * Input that is well-formed but wrong for a reason only the service can tell (the bank does not
 * hold that account, no such requisite): 400 naming the field. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}

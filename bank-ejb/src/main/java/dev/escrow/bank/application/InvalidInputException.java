package dev.escrow.bank.application;

import jakarta.ejb.ApplicationException;

/** A field of the request is wrong in a way only the service can tell: 400 naming the field. */
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

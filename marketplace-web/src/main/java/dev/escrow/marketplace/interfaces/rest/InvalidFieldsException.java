package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.platform.rest.Problem;
import java.util.List;

/** Request fields that could not be read (an amount, a duration, an id): 400 with each field. */
public class InvalidFieldsException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient List<Problem.FieldError> errors;

  public InvalidFieldsException(List<Problem.FieldError> errors) {
    super("The request has invalid fields");
    this.errors = List.copyOf(errors);
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}

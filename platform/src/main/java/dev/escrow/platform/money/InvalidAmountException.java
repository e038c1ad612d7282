package dev.escrow.platform.money;

/**
 * An amount or percent from outside breaks the API's number rules. The message completes "the
 * amount ..." ("must have at most 2 fraction digits"); resources answer it as a 400 field error.
 */
public class InvalidAmountException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidAmountException(String message) {
    super(message);
  }
}

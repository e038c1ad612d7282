package dev.escrow.marketplace.application;

import jakarta.ejb.ApplicationException;

/** The bank did not accept the code: 400 with the tries left. Nothing changes here. */
@ApplicationException(rollback = true)
public class WrongCodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int attemptsLeft;

  public WrongCodeException(int attemptsLeft) {
    super("Wrong confirmation code; tries left: " + attemptsLeft);
    this.attemptsLeft = attemptsLeft;
  }

  public int attemptsLeft() {
    return attemptsLeft;
  }
}

package dev.escrow.bank.domain.authorization;

/** The outcome of one code entered: accepted, wrong (tries left), or refused outright. */
public record Verification(Outcome outcome, int attemptsLeft) {

  public enum Outcome {
    VERIFIED,
    WRONG_CODE,
    EXPIRED,
    LOCKED,
    ALREADY_USED
  }

  public boolean verified() {
    return outcome == Outcome.VERIFIED;
  }
}

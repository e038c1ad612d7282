package dev.escrow.marketplace.application.bank;

/** The bank's word on a code: accepted, wrong (with tries left), or refused for good. */
public record CodeCheck(boolean accepted, int attemptsLeft, String refusal) {

  public static CodeCheck ok() {
    return new CodeCheck(true, 0, null);
  }

  public static CodeCheck wrong(int attemptsLeft) {
    return new CodeCheck(false, attemptsLeft, null);
  }

  public static CodeCheck refused(String reason) {
    return new CodeCheck(false, 0, reason);
  }
}

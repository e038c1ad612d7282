package dev.escrow.marketplace.application.bank;

/**
 * The bank's answer for one operation of a batch of reversals ({@link BankGateway#reverseAll}).
 *
 * @param reason the bank's reason when it refused or could not reverse now, else null
 */
public record Reversal(String operationKey, Result result, String reason) {

  public enum Result {
    /**
     * Every transfer of the operation went back to its payer, now or before: the bank answers a
     * repeat the same as the first reversal, so "already reversed" is this answer too.
     */
    REVERSED,
    /**
     * Never: the operation was settled, or the bank does not know it. Not asked again by itself.
     */
    REFUSED,
    /** Not now: a transfer of the operation is still being carried out, or the bank is busy. */
    LATER
  }

  public static Reversal reversed(String operationKey) {
    return new Reversal(operationKey, Result.REVERSED, null);
  }

  public static Reversal refused(String operationKey, String reason) {
    return new Reversal(operationKey, Result.REFUSED, reason);
  }

  public static Reversal later(String operationKey, String reason) {
    return new Reversal(operationKey, Result.LATER, reason);
  }
}

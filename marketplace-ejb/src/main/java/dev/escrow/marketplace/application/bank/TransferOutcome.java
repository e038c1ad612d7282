package dev.escrow.marketplace.application.bank;

/** Where a transfer stands at the bank, and why it failed when it did. */
public record TransferOutcome(Status status, String failureReason) {

  /** The bank's transfer states (docs/bank-partner-api.md). */
  public enum Status {
    /** Taken, not carried out yet. */
    ACCEPTED,
    COMPLETED,
    FAILED,
    /** Completed, then returned with its operation. */
    REVERSED
  }

  /** The bank's word for the state; an unknown word is not taken as an outcome. */
  public static TransferOutcome of(String status, String failureReason) {
    try {
      return new TransferOutcome(Status.valueOf(status), failureReason);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BankUnavailableException("The bank answered an unknown transfer state: " + status);
    }
  }

  public boolean isFinal() {
    return status != Status.ACCEPTED;
  }

  /** The money moved (a reversed transfer had completed first). */
  public boolean completed() {
    return status == Status.COMPLETED || status == Status.REVERSED;
  }
}

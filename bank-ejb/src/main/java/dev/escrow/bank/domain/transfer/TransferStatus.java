package dev.escrow.bank.domain.transfer;

/** ACCEPTED (queued) -> COMPLETED or FAILED; COMPLETED -> REVERSED when its operation is. */
public enum TransferStatus {
  ACCEPTED,
  COMPLETED,
  FAILED,
  REVERSED;

  public boolean isFinal() {
    return this != ACCEPTED;
  }
}

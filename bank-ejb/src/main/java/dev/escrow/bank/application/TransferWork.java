package dev.escrow.bank.application;

/**
 * Tells the bank's executor that a transfer is due (a wake-up; lost, the re-drive sends it again).
 */
public interface TransferWork {

  void schedule(long transferId, int delaySeconds);
}

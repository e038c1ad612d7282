package dev.escrow.bank.application;

/**
 * A transfer was accepted; once its transaction has committed, the consumer is woken up to carry it
 * out after the processing delay.
 */
public record TransferAccepted(long transferId, int delaySeconds) {}

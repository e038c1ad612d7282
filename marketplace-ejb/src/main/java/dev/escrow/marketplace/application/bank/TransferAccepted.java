package dev.escrow.marketplace.application.bank;

/**
 * The bank took the transfer: its id and the operation that groups the deal's transfers. The bank's
 * answer may already say how it ended (a repeat of a transfer carried out meanwhile).
 */
public record TransferAccepted(String id, String operationKey, TransferOutcome outcome) {}

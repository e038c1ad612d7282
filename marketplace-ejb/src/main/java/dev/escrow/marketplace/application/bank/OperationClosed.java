package dev.escrow.marketplace.application.bank;

/** The bank settled or reversed a deal's operation (or had already: a repeat answers the same). */
public record OperationClosed(String operationKey, Status status) {

  public enum Status {
    SETTLED,
    REVERSED
  }
}

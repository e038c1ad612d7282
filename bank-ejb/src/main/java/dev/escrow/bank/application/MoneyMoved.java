package dev.escrow.bank.application;

import dev.escrow.platform.money.Money;

/**
 * What happened to money at the bank, as CDI events fired inside the transaction that made it
 * happen; the money log and the meters see an event only once that transaction has committed.
 */
public sealed interface MoneyMoved {

  /**
   * The bank carried out a transfer: {@code completed} (the payer paid amount and fee, the payee
   * holds the amount) or failed with nothing moved.
   */
  record TransferCarriedOut(
      String transferId,
      String operationKey,
      String payerAccount,
      String payeeAccount,
      Money amount,
      Money fee,
      boolean completed,
      String failureReason)
      implements MoneyMoved {}

  /** The partner settled an operation: held money became the payees', less the commission. */
  record OperationSettled(
      String operationKey, int transfers, Money held, Money commission, String commissionAccount)
      implements MoneyMoved {}

  /** The partner reversed an operation: every completed transfer went back to its payer. */
  record OperationReversed(String operationKey, int transfers, Money returned)
      implements MoneyMoved {}
}

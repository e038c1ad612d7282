package dev.escrow.marketplace.application.bank;

import dev.escrow.platform.money.Money;

/**
 * A transfer the marketplace asks the bank for: from the payer to the payee, the amount and the fee
 * the buyer confirmed, under the deal's group, authorized by the payer's code. The idempotency key
 * makes a repeat (after a crash, a lost answer) the same transfer.
 */
public record TransferOrder(
    String idempotencyKey,
    String authorizationId,
    String payerAccount,
    String payeeAccount,
    Money amount,
    Money fee,
    String groupReference) {}

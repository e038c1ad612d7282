package dev.escrow.marketplace.application.bank;

/**
 * The bank's answer to a transfer brought with its payer's code: the transfer it accepted, or the
 * code's refusal (then no transfer).
 */
public record CodeAndTransfer(CodeCheck code, TransferAccepted transfer) {

  public static CodeAndTransfer accepted(TransferAccepted transfer) {
    return new CodeAndTransfer(CodeCheck.ok(), transfer);
  }

  public static CodeAndTransfer notTaken(CodeCheck refusal) {
    return new CodeAndTransfer(refusal, null);
  }
}

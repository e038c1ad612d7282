package dev.escrow.bank.domain.account;

/** A debit larger than what the account holds in that bucket: nothing was moved. */
public class InsufficientFundsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InsufficientFundsException(String message) {
    super(message);
  }
}

package dev.escrow.marketplace.domain.payment;

import dev.escrow.platform.money.Money;
import jakarta.ejb.ApplicationException;

/** A payment for more than what remains to pay: 400 on the amount field. */
@ApplicationException(rollback = true)
public class AmountAboveRemainingException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final Money payable;

  public AmountAboveRemainingException(Money payable) {
    super("The amount is more than what remains to pay (" + payable + ")");
    this.payable = payable;
  }

  public Money payable() {
    return payable;
  }
}

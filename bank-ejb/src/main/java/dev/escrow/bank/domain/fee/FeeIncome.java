package dev.escrow.bank.domain.fee;

import dev.escrow.platform.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one bank has earned in transfer fees. Locked (after the accounts) when it changes. */
@Entity
@Table(name = "fee_income")
public class FeeIncome {

  @Id
  @Column(name = "bank_id")
  private Long bankId;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money amount;

  protected FeeIncome() {}

  public void earn(Money fee) {
    if (!fee.isPositive()) {
      throw new IllegalArgumentException("A fee earned is positive");
    }
    amount = amount.plus(fee);
  }

  public void refund(Money fee) {
    if (!fee.isPositive() || amount.isLessThan(fee)) {
      throw new IllegalStateException("Bank " + bankId + " cannot refund a fee of " + fee);
    }
    amount = amount.minus(fee);
  }

  public Long bankId() {
    return bankId;
  }

  public Money amount() {
    return amount;
  }
}

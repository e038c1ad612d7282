package dev.escrow.bank.domain.fee;

import dev.escrow.platform.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One part of what one bank has earned in transfer fees. The income is kept in {@link #PARTS} parts
 * so that concurrent transfers do not all wait for one row: a transfer's fee goes to the part
 * {@link #partOf(long) of its id}, and its reversal takes it back from the same part. Locked (after
 * the accounts) when it changes.
 */
@Entity
@Table(name = "fee_income")
@IdClass(FeeIncome.Key.class)
public class FeeIncome {

  /** As many as transfers carried out at once, and then some (V4 creates them). */
  public static final int PARTS = 16;

  @Id
  @Column(name = "bank_id")
  private Long bankId;

  @Id
  @Column(name = "part")
  private Integer part;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money amount;

  protected FeeIncome() {}

  /** The part of a bank's income that the fee of transfer {@code transferId} goes to. */
  public static int partOf(long transferId) {
    return (int) Math.floorMod(transferId, (long) PARTS);
  }

  public void earn(Money fee) {
    if (!fee.isPositive()) {
      throw new IllegalArgumentException("A fee earned is positive");
    }
    amount = amount.plus(fee);
  }

  public void refund(Money fee) {
    if (!fee.isPositive() || amount.isLessThan(fee)) {
      throw new IllegalStateException(
          "Bank " + bankId + " cannot refund a fee of " + fee + " from part " + part);
    }
    amount = amount.minus(fee);
  }

  public Long bankId() {
    return bankId;
  }

  public Money amount() {
    return amount;
  }

  public int part() {
    return part;
  }

  /** The primary key: bank and part. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long bankId;
    private Integer part;

    public Key() {}

    public Key(long bankId, int part) {
      this.bankId = bankId;
      this.part = part;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && Objects.equals(bankId, k.bankId)
          && Objects.equals(part, k.part);
    }

    @Override
    public int hashCode() {
      return Objects.hash(bankId, part);
    }
  }
}

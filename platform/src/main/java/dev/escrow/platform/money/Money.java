package dev.escrow.platform.money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of roubles, always with exactly two fraction digits. Immutable; equality by value
 * ({@code compareTo}), so 1500.5 equals 1500.50. Both domains use it for every price, payment,
 * balance and fee; in SQL it is NUMERIC(19,2).
 *
 * <p>{@link #parse} is the one gate for amounts that come from outside: at most 2 fraction digits
 * and at most 13 integer digits, as the public API says; it never rounds what a person typed.
 */
public final class Money implements Comparable<Money>, Serializable {

  private static final long serialVersionUID = 1L;
  public static final String CURRENCY = "RUB";
  public static final int SCALE = 2;
  public static final int MAX_INTEGER_DIGITS = 13;
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  private final BigDecimal amount;

  private Money(BigDecimal amount) {
    this.amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  /** An amount given from outside: refused (not rounded) when it has more than 2 decimals. */
  public static Money of(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.stripTrailingZeros().scale() > SCALE) {
      throw new InvalidAmountException("must have at most 2 fraction digits");
    }
    if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new InvalidAmountException("must have at most 13 integer digits");
    }
    return new Money(amount.setScale(SCALE, RoundingMode.UNNECESSARY));
  }

  public static Money of(String amount) {
    if (amount == null || amount.isBlank()) {
      throw new InvalidAmountException("is required");
    }
    try {
      return of(new BigDecimal(amount.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidAmountException("is not a decimal number");
    }
  }

  /** A positive amount from outside (a price, a payment, a deposit). */
  public static Money positive(BigDecimal amount) {
    Money money = of(amount);
    if (!money.isPositive()) {
      throw new InvalidAmountException("must be greater than zero");
    }
    return money;
  }

  /** An amount read from the database, already of scale 2. */
  public static Money ofStored(BigDecimal amount) {
    return amount == null ? null : new Money(amount.setScale(SCALE, RoundingMode.UNNECESSARY));
  }

  public BigDecimal amount() {
    return amount;
  }

  public Money plus(Money other) {
    return new Money(amount.add(other.amount));
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(other.amount));
  }

  /** This amount times a percent, rounded HALF_UP to the kopeck (fees and commissions). */
  public Money percent(Percent percent) {
    return new Money(
        amount
            .multiply(percent.value())
            .divide(BigDecimal.valueOf(100), SCALE, RoundingMode.HALF_UP));
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  public Money min(Money other) {
    return isLessThan(other) ? this : other;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Money money && amount.compareTo(money.amount) == 0;
  }

  @Override
  public int hashCode() {
    return amount.hashCode();
  }

  /** "1500.50": the form of every amount in API responses. */
  @Override
  public String toString() {
    return amount.toPlainString();
  }
}

package dev.escrow.platform.money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** A percent from 0 to 100 inclusive with at most two fraction digits ("5.00"). Immutable. */
public final class Percent implements Comparable<Percent>, Serializable {

  private static final long serialVersionUID = 1L;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  public static final Percent ZERO = new Percent(BigDecimal.ZERO);

  private final BigDecimal value;

  private Percent(BigDecimal value) {
    this.value = value.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static Percent of(BigDecimal value) {
    Objects.requireNonNull(value, "percent");
    if (value.stripTrailingZeros().scale() > 2) {
      throw new InvalidAmountException("must have at most 2 fraction digits");
    }
    if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
      throw new InvalidAmountException("must be between 0 and 100");
    }
    return new Percent(value);
  }

  public static Percent of(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidAmountException("is required");
    }
    try {
      return of(new BigDecimal(value.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidAmountException("is not a decimal number");
    }
  }

  public static Percent ofStored(BigDecimal value) {
    return value == null ? null : new Percent(value);
  }

  public BigDecimal value() {
    return value;
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public int compareTo(Percent other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Percent p && value.compareTo(p.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}

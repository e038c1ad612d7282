package dev.escrow.platform.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void keepsTwoFractionDigitsAndComparesByValue() {
    assertEquals("1500.50", Money.of("1500.5").toString());
    assertEquals(Money.of("1500.5"), Money.of(new BigDecimal("1500.50")));
  }

  @Test
  void refusesThreeDecimalsInsteadOfRounding() {
    assertThrows(InvalidAmountException.class, () -> Money.of("1.005"));
  }

  @Test
  void refusesMoreThanThirteenIntegerDigits() {
    assertThrows(InvalidAmountException.class, () -> Money.of("100000000000000"));
    assertEquals("9999999999999.99", Money.of("9999999999999.99").toString());
  }

  @Test
  void positiveRefusesZeroAndNegative() {
    assertThrows(InvalidAmountException.class, () -> Money.positive(BigDecimal.ZERO));
    assertThrows(InvalidAmountException.class, () -> Money.positive(new BigDecimal("-1")));
  }

  @Test
  void percentRoundsHalfUpToTheKopeck() {
    assertEquals("0.05", Money.of("1.00").percent(Percent.of("5")).toString());
    assertEquals("0.08", Money.of("1.50").percent(Percent.of("5")).toString()); // 0.075 -> 0.08
    assertEquals("1.23", Money.of("123.45").percent(Percent.of("1")).toString()); // 1.2345
  }

  @Test
  void percentStaysWithinZeroAndHundred() {
    assertThrows(InvalidAmountException.class, () -> Percent.of("100.01"));
    assertThrows(InvalidAmountException.class, () -> Percent.of("-0.01"));
    assertEquals("5.00", Percent.of("5").toString());
  }
}

package dev.escrow.bank.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.bank.domain.Fixtures;
import dev.escrow.platform.money.Money;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AccountTest {

  @Test
  void aNumberIsTheBankCodeAndTenUpperCaseHexDigits() {
    for (int i = 0; i < 100; i++) {
      String number = AccountNumber.random("117", new SecureRandom()).value();
      assertTrue(number.matches("117[0-9A-F]{10}"), number);
    }
    assertThrows(IllegalArgumentException.class, () -> new AccountNumber("117abcdef0123"));
  }

  @Test
  void aDebitLargerThanTheBalanceIsRefusedWhole() {
    Account account = Fixtures.account(Fixtures.bank("042"));
    account.credit(Money.of("10.00"));
    assertThrows(InsufficientFundsException.class, () -> account.debit(Money.of("10.01")));
    assertEquals(Money.of("10.00"), account.balance());
    account.debit(Money.of("10.00"));
    assertEquals(Money.ZERO, account.balance());
  }

  @Test
  void heldMoneyIsNotSpendable() {
    Account account = Fixtures.account(Fixtures.bank("042"));
    account.hold(Money.of("5.00"));
    assertThrows(InsufficientFundsException.class, () -> account.debit(Money.of("1.00")));
    assertThrows(IllegalStateException.class, () -> account.releaseHold(Money.of("5.01")));
    account.releaseHold(Money.of("5.00"));
    assertEquals(Money.ZERO, account.held());
  }

  @Test
  void amountsMustBePositive() {
    Account account = Fixtures.account(Fixtures.bank("042"));
    assertThrows(IllegalArgumentException.class, () -> account.credit(Money.ZERO));
    assertThrows(IllegalArgumentException.class, () -> account.hold(Money.of("-1")));
  }
}

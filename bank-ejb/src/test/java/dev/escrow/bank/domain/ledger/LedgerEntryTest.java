package dev.escrow.bank.domain.ledger;

import static dev.escrow.bank.domain.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.escrow.bank.domain.Fixtures;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.platform.money.Money;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {

  @Test
  void aReversalIsANewRowInTheOtherDirection() {
    Account account = Fixtures.account(Fixtures.bank("042"));
    LedgerEntry deposit = LedgerEntry.deposit(account, Money.of("10.00"), NOW);
    LedgerEntry reversal = deposit.reversal(NOW.plusSeconds(1));
    assertEquals(Direction.DEBIT, reversal.direction());
    assertEquals(Bucket.BALANCE, reversal.bucket());
    assertEquals(EntryKind.REVERSAL, reversal.kind());
    assertEquals(deposit.amount(), reversal.amount());
    assertNotEquals(deposit.externalId(), reversal.externalId());
    assertThrows(IllegalStateException.class, () -> reversal.reversal(NOW));
  }

  @Test
  void aRowMovesAPositiveAmount() {
    Account account = Fixtures.account(Fixtures.bank("042"));
    assertThrows(
        IllegalArgumentException.class, () -> LedgerEntry.deposit(account, Money.ZERO, NOW));
  }
}

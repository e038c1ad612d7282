package dev.escrow.bank.domain.transfer;

import static dev.escrow.bank.domain.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.bank.domain.Fixtures;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.authorization.Authorization;
import dev.escrow.bank.domain.fee.FeeIncome;
import dev.escrow.bank.domain.ledger.Books;
import dev.escrow.bank.domain.ledger.LedgerEntry;
import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.platform.money.Money;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransferTest {

  final ApiClient partner = Fixtures.partner();
  final Account payer = Fixtures.account(Fixtures.bank("042"));
  final Account payee = Fixtures.account(Fixtures.bank("117"));
  final Operation operation = new Operation(partner, "deal-1", NOW);
  final FeeIncome income = Fixtures.feeIncome(payer.bank());

  Transfer accepted(String amount, String fee) {
    Authorization code =
        Authorization.forPayment(
            partner,
            payer,
            Money.of(amount),
            Money.of(fee),
            payee,
            null,
            "123456",
            NOW,
            Duration.ofMinutes(5));
    code.verify("123456", NOW);
    return Transfer.accept(
        partner, "key", operation, code, payer, payee, Money.of(amount), Money.of(fee), NOW);
  }

  @Test
  void aTransferTheBalanceCannotCoverFailsAndMovesNothing() {
    payer.credit(Money.of("100.00"));
    Transfer transfer = accepted("99.50", "1.00");
    assertTrue(transfer.carryOut(payer, payee, income, NOW).isEmpty());
    assertEquals(TransferStatus.FAILED, transfer.status());
    assertEquals(Transfer.INSUFFICIENT_FUNDS, transfer.failureReason());
    assertEquals(Money.of("100.00"), payer.balance());
    assertEquals(Money.ZERO, payee.held());
    assertEquals(Money.ZERO, income.amount());
  }

  @Test
  void aCompletedTransferIsHeldThenReversedExactly() {
    payer.credit(Money.of("100.00"));
    Transfer transfer = accepted("50.00", "0.50");
    List<LedgerEntry> rows = Books.post(transfer.carryOut(payer, payee, income, NOW));
    assertEquals(4, rows.size());
    assertEquals(TransferStatus.COMPLETED, transfer.status());
    assertEquals(Money.of("49.50"), payer.balance());
    assertEquals(Money.of("50.00"), payee.held());
    assertEquals(Money.of("0.50"), income.amount());
    assertThrows(IllegalStateException.class, () -> transfer.carryOut(payer, payee, income, NOW));

    List<LedgerEntry> compensating = Books.post(transfer.reverse(payer, payee, income, rows, NOW));
    assertEquals(4, compensating.size());
    assertEquals(TransferStatus.REVERSED, transfer.status());
    assertEquals(Money.of("100.00"), payer.balance());
    assertEquals(Money.ZERO, payee.held());
    assertEquals(Money.ZERO, income.amount());
    assertEquals(3, transfer.history().size(), "accepted, completed, reversed");
  }

  @Test
  void settlingSplitsTheHeldMoneyBetweenPayeeAndCommission() {
    payer.credit(Money.of("500.00"));
    Transfer first = accepted("300.00", "0.00");
    Books.post(first.carryOut(payer, payee, income, NOW));
    Transfer second = accepted("200.00", "0.00");
    Books.post(second.carryOut(payer, payee, income, NOW));
    Account marketplace = Fixtures.account(Fixtures.bank("042"));
    List<LedgerEntry> rows =
        Books.post(
            operation.settle(
                List.of(first, second),
                Map.of(payee.id(), payee, marketplace.id(), marketplace),
                Money.of("25.50"),
                marketplace,
                NOW));
    assertEquals(3, rows.size());
    assertEquals(OperationStatus.SETTLED, operation.status());
    assertEquals(Money.of("474.50"), payee.balance());
    assertEquals(Money.ZERO, payee.held());
    assertEquals(Money.of("25.50"), marketplace.balance());
    assertThrows(
        OperationConflictException.class, () -> operation.needsReversal(List.of(first, second)));
  }
}

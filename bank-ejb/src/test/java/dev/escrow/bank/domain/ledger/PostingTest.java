package dev.escrow.bank.domain.ledger;

import static dev.escrow.bank.domain.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.bank.domain.Fixtures;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.authorization.Authorization;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.fee.FeeIncome;
import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.bank.domain.transfer.Operation;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.platform.money.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostingTest {

  final Bank payerBank = Fixtures.bank("042");
  final Account payer = Fixtures.account(payerBank);
  final Account payee = Fixtures.account(Fixtures.bank("117"));
  final FeeIncome income = Fixtures.feeIncome(payerBank);
  final ApiClient partner = Fixtures.partner();
  final Operation operation = new Operation(partner, "deal-1", NOW);

  static Money signedSum(List<LedgerEntry> rows) {
    return rows.stream()
        .map(r -> r.direction() == Direction.CREDIT ? r.amount() : Money.ZERO.minus(r.amount()))
        .reduce(Money.ZERO, Money::plus);
  }

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
    Transfer transfer =
        Transfer.accept(
            partner, "key", operation, code, payer, payee, Money.of(amount), Money.of(fee), NOW);
    Fixtures.set(transfer, "id", 33L);
    return transfer;
  }

  @Test
  void aDepositIsBalancedAgainstItsBanksDepositsAndMovesTheBalanceWithItsRows() {
    Posting deposit = Posting.deposit(payer, Money.of("10.00"), NOW);
    assertEquals(Money.ZERO, deposit.sum());
    assertEquals(Money.ZERO, payer.balance(), "building a posting moves nothing");

    List<LedgerEntry> rows = Books.post(deposit);

    assertEquals(Money.of("10.00"), payer.balance());
    assertEquals(2, rows.size());
    assertEquals(Bucket.BALANCE, rows.get(0).bucket());
    assertEquals(Direction.CREDIT, rows.get(0).direction());
    assertEquals(payer.id(), rows.get(0).accountId());
    assertEquals(Bucket.DEPOSITS, rows.get(1).bucket());
    assertEquals(Direction.DEBIT, rows.get(1).direction());
    assertNull(rows.get(1).accountId());
    assertEquals(payerBank, rows.get(1).bank());
    assertEquals(Money.ZERO, signedSum(rows));
  }

  @Test
  void legsThatDoNotSumToZeroAreRefusedAndMoveNothing() {
    var oneSided =
        Posting.of(null, null, NOW)
            .balance(EntryKind.DEPOSIT, payer, Direction.CREDIT, Money.of("1.00"));
    assertThrows(IllegalArgumentException.class, oneSided::build);
    var lopsided =
        Posting.of(null, null, NOW)
            .balance(EntryKind.DEPOSIT, payer, Direction.CREDIT, Money.of("1.00"))
            .deposits(payerBank, Direction.DEBIT, Money.of("0.99"));
    assertThrows(IllegalArgumentException.class, lopsided::build);
    assertThrows(IllegalArgumentException.class, () -> Posting.of(null, null, NOW).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Posting.of(null, null, NOW)
                .balance(EntryKind.DEPOSIT, payer, Direction.CREDIT, Money.ZERO));
    assertEquals(Money.ZERO, payer.balance());
  }

  @Test
  void aTransferItsReversalAndASettlementAreEachOneBalancedPostingNamingTheirIds() {
    Books.post(Posting.deposit(payer, Money.of("100.00"), NOW));
    Transfer transfer = accepted("50.00", "0.50");
    Posting carriedOut = transfer.carryOut(payer, payee, income, NOW).orElseThrow();
    assertEquals(Money.ZERO, carriedOut.sum());
    assertEquals(4, carriedOut.size());
    assertEquals(Money.of("100.00"), payer.balance(), "nothing moves before the posting");

    List<LedgerEntry> rows = Books.post(carriedOut);
    assertEquals(Money.of("49.50"), payer.balance());
    assertEquals(Money.of("50.00"), payee.held());
    assertEquals(Money.of("0.50"), income.amount());
    assertTrue(rows.stream().allMatch(r -> Long.valueOf(33L).equals(r.transferId())));

    Posting reversal = transfer.reverse(payer, payee, income, rows, NOW);
    assertEquals(Money.ZERO, reversal.sum());
    List<LedgerEntry> compensating = Books.post(reversal);
    assertEquals(Money.of("100.00"), payer.balance());
    assertEquals(Money.ZERO, payee.held());
    assertEquals(Money.ZERO, income.amount());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i), compensating.get(i).reverses());
      assertEquals(rows.get(i).direction().opposite(), compensating.get(i).direction());
    }
    assertThrows(
        IllegalStateException.class,
        () -> Posting.of(33L, null, NOW).reversing(compensating.get(0), payer, income));
  }

  @Test
  void aSettlementIsBalancedAndNamesItsOperation() {
    Books.post(Posting.deposit(payer, Money.of("100.00"), NOW));
    Transfer transfer = accepted("100.00", "0.00");
    Books.post(transfer.carryOut(payer, payee, income, NOW));
    Account marketplace = Fixtures.account(payerBank);
    Posting settlement =
        operation
            .settle(
                List.of(transfer),
                Map.of(payee.id(), payee, marketplace.id(), marketplace),
                Money.of("5.00"),
                marketplace,
                NOW)
            .orElseThrow();
    assertEquals(Money.ZERO, settlement.sum());
    List<LedgerEntry> rows = Books.post(settlement);
    assertEquals(Money.of("95.00"), payee.balance());
    assertEquals(Money.of("5.00"), marketplace.balance());
    assertTrue(rows.stream().allMatch(r -> r.transferId() == null));
  }

  @Test
  void aReversalLegMustBeOnTheAccountTheRowMoved() {
    LedgerEntry row = Books.post(Posting.deposit(payer, Money.of("1.00"), NOW)).get(0);
    assertThrows(
        IllegalArgumentException.class,
        () -> Posting.of(null, null, NOW).reversing(row, payee, null));
  }

  /**
   * One method moves money: no production code but the posting calls the methods that change an
   * account's balance or held or a bank's fee income.
   */
  @Test
  void onlyThePostingMovesMoney() throws IOException {
    Pattern mover = Pattern.compile("\\.(credit|debit|hold|releaseHold|earn|refund)\\(");
    List<String> callers;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      callers =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.endsWith(Path.of("dev/escrow/bank/domain/ledger/Posting.java")))
              .filter(
                  f -> {
                    try {
                      return mover.matcher(Files.readString(f)).find();
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .map(Path::toString)
              .toList();
    }
    assertEquals(List.of(), callers);
  }
}

package dev.escrow.marketplace.domain.payment;

import static dev.escrow.marketplace.domain.Fixtures.NOW;
import static dev.escrow.marketplace.domain.Fixtures.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.marketplace.domain.Fixtures;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.deal.DealState;
import dev.escrow.marketplace.domain.user.User;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A payment's states and the deadline rule, on explicit instants. The wrong-code count and the lock
 * after five tries are the bank's ({@code Authorization}): the marketplace's payment only learns
 * the code was accepted ({@link Payment#confirm}).
 */
class PaymentTest {

  static final Percent FEE = Percent.of("1.5");
  final User seller = Fixtures.client("anna");
  final User buyer = Fixtures.client("boris");
  final ClientAccount buyerAccount = Fixtures.account(buyer);
  final Deal deal =
      Fixtures.withId(
          Deal.open(
              Fixtures.activeOffer(seller, "1000.00", "5"), buyer, Fixtures.account(seller), NOW));
  final Instant due = NOW.plus(WINDOW);

  Payment start(String amount) {
    return start(amount, Money.ZERO, NOW);
  }

  Payment start(String amount, Money pending, Instant at) {
    Payment payment = Payment.start(deal, buyer, buyerAccount, Money.of(amount), pending, FEE, at);
    return Fixtures.withId(payment);
  }

  @Test
  void aStartedPaymentCopiesItsFeeAndTotalAndWaitsForItsCode() {
    Payment payment = start("300.00");
    assertEquals(PaymentStatus.AWAITING_CONFIRMATION, payment.status());
    assertEquals(Money.of("300.00"), payment.amount());
    assertEquals(Percent.of("1.50"), payment.feePercent());
    assertEquals(Money.of("4.50"), payment.fee());
    assertEquals(Money.of("304.50"), payment.total());
    assertEquals(NOW, payment.createdAt());
    assertNull(payment.paidAt());
    assertEquals("payment-" + payment.id(), payment.idempotencyKey());

    Instant expires = NOW.plus(Duration.ofMinutes(5));
    payment.awaitCode("auth-1", "b***@test.example", expires);
    assertEquals("auth-1", payment.bankAuthorizationId());
    assertEquals("b***@test.example", payment.confirmationSentTo());
    assertEquals(expires, payment.confirmationExpiresAt());
    assertEquals(PaymentStatus.AWAITING_CONFIRMATION, payment.status());
  }

  @Test
  void theFeeIsRoundedHalfUpToTheKopeck() {
    // 33.30 x 1.5 % = 0.4995
    assertEquals(Money.of("0.50"), start("33.30").fee());
    assertEquals(Money.of("33.80"), start("33.30").total());
    // 3.00 x 1.5 % = 0.045: HALF_UP gives 0.05 where HALF_EVEN would give 0.04
    assertEquals(Money.of("0.05"), start("3.00").fee());
    // 0.30 x 1.5 % = 0.0045
    assertEquals(Money.ZERO, start("0.30").fee());
  }

  @Test
  void onlyTheBuyerPaysFromTheirOwnAccountAPositiveAmount() {
    assertThrows(
        StateConflictException.class,
        () ->
            Payment.start(
                deal, seller, Fixtures.account(seller), Money.of("1.00"), Money.ZERO, FEE, NOW));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Payment.start(
                deal, buyer, Fixtures.account(seller), Money.of("1.00"), Money.ZERO, FEE, NOW));
    assertThrows(IllegalArgumentException.class, () -> start("0.00"));
    assertThrows(IllegalArgumentException.class, () -> start("-1.00"));
  }

  @Test
  void noMoreThanRemainsLessWhatConfirmedPaymentsWillBring() {
    deal.recordPayment(1L, Money.of("100.00"), NOW);
    AmountAboveRemainingException above =
        assertThrows(
            AmountAboveRemainingException.class, () -> start("300.01", Money.of("600.00"), NOW));
    assertEquals(Money.of("300.00"), above.payable());
    assertEquals(Money.of("300.00"), start("300.00", Money.of("600.00"), NOW).amount());
    assertEquals(
        Money.of("900.00"),
        assertThrows(AmountAboveRemainingException.class, () -> start("900.01")).payable());
  }

  @Test
  void noPaymentStartsAtOrAfterTheDeadlineOrOnAClosedDeal() {
    assertEquals(
        PaymentStatus.AWAITING_CONFIRMATION, start("1.00", Money.ZERO, due.minusNanos(1)).status());
    assertThrows(StateConflictException.class, () -> start("1.00", Money.ZERO, due));
    deal.recordPayment(1L, Money.of("1000.00"), NOW);
    assertThrows(StateConflictException.class, () -> start("1.00"));
  }

  @Test
  void anAcceptedCodeMakesItProcessingThenTheBankDecides() {
    Payment payment = start("300.00");
    Instant confirmed = NOW.plus(Duration.ofMinutes(2));
    payment.handOverCode(confirmed);
    payment.handOverCode(confirmed.plusSeconds(1));
    payment.confirm(confirmed.plusSeconds(2));
    assertEquals(PaymentStatus.PROCESSING, payment.status());
    assertEquals(confirmed, payment.paidAt(), "the code's first hand-over to the bank counts");
    assertFalse(payment.isConfirming());
    assertThrows(StateConflictException.class, () -> payment.confirm(confirmed.plusSeconds(1)));
    assertEquals(confirmed, payment.paidAt(), "a second confirmation does not move paidAt");

    payment.submitted("tr-1");
    payment.submitted("tr-1");
    assertThrows(IllegalStateException.class, () -> payment.submitted("tr-2"));
    assertEquals("tr-1", payment.bankTransferId());

    payment.succeed("carried out by the bank", confirmed.plusSeconds(3));
    assertEquals(PaymentStatus.SUCCEEDED, payment.status());
    assertThrows(
        StateConflictException.class, () -> payment.succeed("carried out by the bank", confirmed));
    assertThrows(StateConflictException.class, () -> payment.fail("late", confirmed));
    assertEquals(PaymentStatus.SUCCEEDED, payment.status());
  }

  @Test
  void onlyAProcessingPaymentSucceeds() {
    Payment payment = start("300.00");
    assertThrows(
        StateConflictException.class, () -> payment.succeed("carried out by the bank", NOW));
    assertEquals(PaymentStatus.AWAITING_CONFIRMATION, payment.status());
  }

  @Test
  void theBankCanFailAProcessingPayment() {
    Payment payment = start("300.00");
    payment.confirm(NOW);
    payment.fail("insufficient funds", NOW.plusSeconds(4));
    assertEquals(PaymentStatus.FAILED, payment.status());
    assertEquals("insufficient funds", payment.failureReason());
    assertThrows(StateConflictException.class, () -> payment.refund(NOW));
    assertThrows(StateConflictException.class, () -> payment.fail("again", NOW));
    assertEquals("insufficient funds", payment.failureReason());
  }

  @Test
  void aPaymentStillWaitingForItsCodeIsReplacedAndTakesNoCodeAfterwards() {
    Payment replaced = start("300.00");
    replaced.fail("Replaced by a newer payment", NOW.plusSeconds(1));
    assertEquals(PaymentStatus.FAILED, replaced.status());
    assertEquals("Replaced by a newer payment", replaced.failureReason());
    assertThrows(StateConflictException.class, () -> replaced.confirm(NOW.plusSeconds(2)));
    assertNull(replaced.paidAt());
  }

  @Test
  void onlyASucceededPaymentIsRefundedAndOnlyOnce() {
    Payment payment = start("300.00");
    payment.confirm(NOW);
    assertThrows(StateConflictException.class, () -> payment.refund(NOW));
    payment.succeed("carried out by the bank", NOW);
    payment.refund(due);
    assertEquals(PaymentStatus.REFUNDED, payment.status());
    assertTrue(payment.status().isFinal());
    assertThrows(StateConflictException.class, () -> payment.refund(due));
    assertThrows(StateConflictException.class, () -> payment.fail("x", due));
  }

  @Test
  void aCodeIsNotHandedOverAtOrAfterTheDeadlineButOneHandedOverBeforeCounts() {
    Payment payment = start("300.00");
    assertThrows(StateConflictException.class, () -> payment.handOverCode(due));
    assertFalse(payment.isConfirming());
    assertEquals(PaymentStatus.AWAITING_CONFIRMATION, payment.status());
    payment.handOverCode(due.minusNanos(1));
    payment.confirm(due.plusSeconds(5));
    assertEquals(PaymentStatus.PROCESSING, payment.status());
    assertEquals(due.minusNanos(1), payment.paidAt());
  }

  @Test
  void aPaymentWhoseCodeIsWithTheBankIsNeitherReplacedNorCancelledNorAbandoned() {
    Payment payment = start("300.00");
    payment.handOverCode(NOW);
    assertThrows(StateConflictException.class, () -> payment.replace(NOW));
    assertThrows(StateConflictException.class, () -> payment.cancel(NOW));
    assertThrows(StateConflictException.class, () -> payment.abandonWithDeal(due));
    assertEquals(PaymentStatus.AWAITING_CONFIRMATION, payment.status());
    payment.codeNotTaken();
    payment.cancel(NOW.plusSeconds(1));
    assertEquals(PaymentStatus.FAILED, payment.status());
    assertThrows(StateConflictException.class, () -> payment.handOverCode(NOW.plusSeconds(2)));
  }

  @Test
  void aPaymentConfirmedBeforeTheDeadlineCountsThoughTheBankAnswersAfterIt() {
    Payment payment = start("1000.00");
    Instant confirmed = due.minusSeconds(1);
    payment.confirm(confirmed);
    assertEquals(confirmed, payment.paidAt());
    Instant bankAnswers = due.plus(Duration.ofMinutes(3));
    payment.succeed("carried out by the bank", bankAnswers);
    assertEquals(confirmed, payment.paidAt(), "paidAt, not the bank's answer, decides");
    assertEquals(DealState.COMPLETED, deal.recordPayment(1L, payment.amount(), bankAnswers));
  }

  static List<String> logged(Payment payment) {
    return payment.statusLog().pending().stream()
        .map(e -> e.from() + ">" + e.to() + " " + e.reasonText() + " by " + e.actor())
        .toList();
  }

  @Test
  void aPaymentLogsItsOwnStatusChangesFromTheCodeOn() {
    Payment payment = start("300.00");
    assertTrue(payment.statusLog().isEmpty(), "nothing before the bank mailed the code");
    payment.awaitCode("auth-1", "b***@test.example", NOW.plusSeconds(300));
    payment.confirm(NOW.plusSeconds(1));
    payment.succeed("reported by the bank", NOW.plusSeconds(2));
    payment.refund(NOW.plusSeconds(3));
    assertEquals(
        List.of(
            "null>AWAITING_CONFIRMATION code sent to b***@test.example by boris",
            "AWAITING_CONFIRMATION>PROCESSING code accepted by boris",
            "PROCESSING>SUCCEEDED reported by the bank by system",
            "SUCCEEDED>REFUNDED deal expired: returned to the payer by system"),
        logged(payment));
  }

  @Test
  void eachWayOfFailingNamesItselfInTheHistory() {
    Payment replaced = start("1.00");
    replaced.replace(NOW);
    Payment cancelled = start("1.00");
    cancelled.cancel(NOW);
    Payment abandoned = start("1.00");
    abandoned.abandonWithDeal(due);
    Payment refused = start("1.00");
    refused.confirm(NOW);
    refused.fail("insufficient funds", NOW);
    assertEquals(List.of("AWAITING_CONFIRMATION>FAILED replaced by boris"), logged(replaced));
    assertEquals(Payment.REPLACED, replaced.failureReason());
    assertEquals(List.of("AWAITING_CONFIRMATION>FAILED cancelled by boris"), logged(cancelled));
    assertEquals(Payment.CANCELLED, cancelled.failureReason());
    assertEquals(List.of("AWAITING_CONFIRMATION>FAILED deal expired by system"), logged(abandoned));
    assertEquals(Payment.EXPIRED_BEFORE_CODE, abandoned.failureReason());
    assertEquals(
        List.of(
            "AWAITING_CONFIRMATION>PROCESSING code accepted by boris",
            "PROCESSING>FAILED insufficient funds by system"),
        logged(refused));
    assertThrows(StateConflictException.class, () -> refused.cancel(NOW), "only while waiting");
  }
}

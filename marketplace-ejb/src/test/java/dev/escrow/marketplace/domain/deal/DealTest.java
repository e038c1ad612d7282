package dev.escrow.marketplace.domain.deal;

import static dev.escrow.marketplace.domain.Fixtures.NOW;
import static dev.escrow.marketplace.domain.Fixtures.WINDOW;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.marketplace.domain.Fixtures;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.history.StatusChange;
import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.offer.OfferStatus;
import dev.escrow.marketplace.domain.user.User;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deal's states, amounts and payout duty, on explicit instants (no clock is read). */
class DealTest {

  final User seller = Fixtures.client("anna");
  final User buyer = Fixtures.client("boris");
  final ClientAccount sellerAccount = Fixtures.account(seller);
  final Offer offer = Fixtures.activeOffer(seller, "1000.00", "5");
  final Instant due = NOW.plus(WINDOW);

  Deal open() {
    Deal deal = Deal.open(offer, buyer, sellerAccount, NOW);
    Fixtures.withId(deal);
    return deal;
  }

  @Test
  void aNewDealCopiesTheOfferAndReservesIt() {
    Deal deal = open();
    assertEquals(DealState.AWAITING_PAYMENT, deal.status());
    assertEquals(Payout.NONE, deal.payout());
    assertEquals(Money.of("1000.00"), deal.price());
    assertEquals(Percent.of("5.00"), deal.commissionPercent());
    assertEquals(Money.ZERO, deal.paidAmount());
    assertEquals(Money.of("1000.00"), deal.remaining());
    assertEquals(NOW, deal.createdAt());
    assertEquals(Instant.parse("2026-11-28T10:00:00Z"), deal.dueAt());
    assertNull(deal.closedAt());
    assertEquals(seller, deal.seller());
    assertEquals(OfferStatus.RESERVED, offer.status());
    assertTrue(deal.involves(buyer.id()) && deal.involves(seller.id()));
    assertTrue(deal.isBuyer(buyer.id()));
    assertFalse(deal.isBuyer(seller.id()));
    assertFalse(deal.involves(Fixtures.client("other").id()));
    assertEquals("deal-" + deal.id(), deal.groupReference());
  }

  @Test
  void aDealIsNotOpenedOnOwnOfferWithAnotherPayoutAccountOrOnAReservedOffer() {
    assertThrows(StateConflictException.class, () -> Deal.open(offer, seller, sellerAccount, NOW));
    assertThrows(
        IllegalArgumentException.class,
        () -> Deal.open(offer, buyer, Fixtures.account(buyer), NOW));
    assertEquals(OfferStatus.ACTIVE, offer.status(), "a refused deal reserves nothing");
    open();
    assertThrows(
        StateConflictException.class,
        () -> Deal.open(offer, Fixtures.client("carl"), sellerAccount, NOW));
  }

  @Test
  void partPaymentsMakeItInProgressAndThePaymentThatCompletesThePriceClosesIt() {
    Deal deal = open();
    Instant first = NOW.plus(Duration.ofHours(1));
    assertEquals(DealState.IN_PROGRESS, deal.recordPayment(1L, Money.of("300.00"), first));
    assertEquals(DealState.IN_PROGRESS, deal.status());
    assertEquals(Money.of("300.00"), deal.paidAmount());
    assertEquals(Money.of("700.00"), deal.remaining());
    assertEquals(Payout.NONE, deal.payout());
    assertNull(deal.closedAt());
    assertEquals(OfferStatus.RESERVED, offer.status());

    assertEquals(DealState.IN_PROGRESS, deal.recordPayment(1L, Money.of("699.99"), first));
    assertEquals(Money.of("0.01"), deal.remaining());

    Instant last = NOW.plus(Duration.ofHours(2));
    assertEquals(DealState.COMPLETED, deal.recordPayment(1L, Money.of("0.01"), last));
    assertEquals(Money.of("1000.00"), deal.paidAmount());
    assertEquals(Money.ZERO, deal.remaining());
    assertEquals(Payout.SETTLE_DUE, deal.payout());
    assertEquals(last, deal.closedAt());
    assertEquals(OfferStatus.SOLD, offer.status());
  }

  @Test
  void onePaymentOfThePriceCompletesAnAwaitingDeal() {
    Deal deal = open();
    assertEquals(DealState.COMPLETED, deal.recordPayment(1L, Money.of("1000.00"), NOW));
    assertEquals(Payout.SETTLE_DUE, deal.payout());
  }

  @Test
  void moreThanRemainsIsRefusedAndChangesNothing() {
    Deal deal = open();
    assertThrows(
        StateConflictException.class, () -> deal.recordPayment(1L, Money.of("1000.01"), NOW));
    assertEquals(DealState.AWAITING_PAYMENT, deal.status());
    deal.recordPayment(1L, Money.of("300.00"), NOW);
    assertThrows(
        StateConflictException.class, () -> deal.recordPayment(1L, Money.of("700.01"), NOW));
    assertEquals(DealState.IN_PROGRESS, deal.status());
    assertEquals(Money.of("300.00"), deal.paidAmount());
  }

  @Test
  void aClosedDealTakesNoPaymentAndCannotExpire() {
    Deal deal = open();
    deal.recordPayment(1L, Money.of("1000.00"), NOW);
    assertThrows(StateConflictException.class, () -> deal.requirePayableAt(NOW));
    assertThrows(StateConflictException.class, () -> deal.recordPayment(1L, Money.of("0.01"), NOW));
    assertThrows(StateConflictException.class, () -> deal.expire(due));
    assertEquals(DealState.COMPLETED, deal.status());
    assertEquals(Money.of("1000.00"), deal.paidAmount());
  }

  @Test
  void itIsPayableUntilJustBeforeItsDueTimeAndExpiresFromThen() {
    Deal deal = open();
    Instant justBefore = due.minusNanos(1);
    assertDoesNotThrow(() -> deal.requirePayableAt(NOW));
    assertDoesNotThrow(() -> deal.requirePayableAt(justBefore));
    assertThrows(StateConflictException.class, () -> deal.requirePayableAt(due));
    assertThrows(StateConflictException.class, () -> deal.expire(justBefore));
    assertEquals(DealState.AWAITING_PAYMENT, deal.status());
    assertEquals(OfferStatus.RESERVED, offer.status());
    deal.expire(due);
    assertEquals(DealState.EXPIRED, deal.status());
  }

  @Test
  void anUnpaidDealExpiresWithNothingToReturnAndFreesTheOffer() {
    Deal deal = open();
    Instant late = due.plusSeconds(30);
    deal.expire(late);
    assertEquals(DealState.EXPIRED, deal.status());
    assertEquals(Payout.REVERSED, deal.payout(), "no transfer was made: nothing to return");
    assertEquals(late, deal.closedAt());
    assertEquals(OfferStatus.ACTIVE, offer.status());
    assertTrue(offer.isInCatalogue());
    assertThrows(StateConflictException.class, () -> deal.expire(late));
    assertThrows(StateConflictException.class, () -> deal.requirePayableAt(late));
    assertThrows(
        StateConflictException.class, () -> deal.recordPayment(1L, Money.of("1.00"), late));
  }

  @Test
  void aPartlyPaidDealExpiresAndAsksForTheMoneyBack() {
    Deal deal = open();
    deal.bindOperation("op-1");
    deal.recordPayment(1L, Money.of("300.00"), NOW);
    deal.expire(due);
    assertEquals(DealState.EXPIRED, deal.status());
    assertEquals(Payout.REVERSE_DUE, deal.payout());
    assertEquals(Money.of("300.00"), deal.paidAmount(), "what was paid stays on record");
    assertEquals(OfferStatus.ACTIVE, offer.status());
    deal.payoutDone();
    assertEquals(Payout.REVERSED, deal.payout());
    deal.payoutDone();
    assertEquals(Payout.REVERSED, deal.payout(), "a repeated payout changes nothing");
  }

  @Test
  void aPaymentTheBankCarriesOutAfterTheDeadlineStillCountsWhileTheDealIsOpen() {
    // The on-time rule is the payment's (paidAt before dueAt): the deal does not check it again.
    Deal deal = open();
    Instant bankAnswers = due.plus(Duration.ofMinutes(10));
    assertEquals(DealState.COMPLETED, deal.recordPayment(1L, Money.of("1000.00"), bankAnswers));
    assertEquals(bankAnswers, deal.closedAt());
  }

  @Test
  void aCompletedDealIsSettledOnceAndAnOpenOneHasNothingToPayOut() {
    Deal deal = open();
    assertThrows(IllegalStateException.class, deal::payoutDone);
    deal.recordPayment(1L, Money.of("1000.00"), NOW);
    deal.payoutDone();
    assertEquals(Payout.SETTLED, deal.payout());
    deal.payoutDone();
    assertEquals(Payout.SETTLED, deal.payout());
  }

  @Test
  void theOperationKeyIsLearntOnceAndNeverReplaced() {
    Deal deal = open();
    assertNull(deal.operationKey());
    deal.bindOperation("op-1");
    deal.bindOperation("op-1");
    assertThrows(IllegalStateException.class, () -> deal.bindOperation("op-2"));
    assertEquals("op-1", deal.operationKey());
  }

  @ParameterizedTest(name = "{0} at {1}% -> {2}")
  @CsvSource({
    "1000.00, 5, 50.00",
    // 0.505: HALF_UP gives 0.51 where HALF_EVEN or truncation would give 0.50
    "10.10, 5, 0.51",
    "0.10, 5, 0.01",
    "0.01, 5, 0.00",
    "100.50, 3.33, 3.35",
    "999.99, 0, 0.00",
    "1234567.89, 12.5, 154320.99"
  })
  void theCommissionIsThePriceTimesThePercentRoundedHalfUpToTheKopeck(
      String price, String percent, String commission) {
    Offer priced = Fixtures.activeOffer(seller, price, percent);
    Deal deal = Deal.open(priced, buyer, sellerAccount, NOW);
    assertEquals(Money.of(commission), deal.commission());
  }

  @Test
  void anAddedStatusIsALabelThatNeverChangesTheMoneyAndTheNextSystemChangeReplaces() {
    Deal deal = open();
    deal.moveToStage("SHIPPED", "admin", NOW);
    assertEquals("SHIPPED", deal.shownStatus());
    assertEquals(DealState.AWAITING_PAYMENT, deal.status());
    assertEquals(Payout.NONE, deal.payout());
    assertDoesNotThrow(() -> deal.requirePayableAt(NOW.plusSeconds(1)));
    assertThrows(StateConflictException.class, () -> deal.moveToStage("SHIPPED", "admin", NOW));
    assertThrows(StateConflictException.class, () -> deal.moveToStage("COMPLETED", "admin", NOW));
    assertEquals("SHIPPED", deal.shownStatus());

    deal.recordPayment(1L, Money.of("1000.00"), NOW.plusSeconds(2));
    assertEquals(DealState.COMPLETED, deal.status());
    assertNull(deal.stage(), "paid in full is news: it replaces the label");
    assertEquals("COMPLETED", deal.shownStatus());
    deal.moveToStage("DELIVERED", "admin", NOW);
    assertEquals("DELIVERED", deal.shownStatus());
    assertThrows(StateConflictException.class, () -> deal.requirePayableAt(NOW.plusSeconds(3)));
  }

  @Test
  void aPartPaymentKeepsTheLabelAndExpiryReplacesIt() {
    Deal deal = open();
    deal.recordPayment(1L, Money.of("100.00"), NOW.plusSeconds(1));
    deal.moveToStage("CHECKED", "admin", NOW);
    deal.recordPayment(1L, Money.of("100.00"), NOW.plusSeconds(2));
    assertEquals("CHECKED", deal.shownStatus(), "still in progress: nothing new to say");
    deal.expire(due);
    assertEquals("EXPIRED", deal.shownStatus());
  }

  /** What the aggregate logged and has not written yet: "from>to reason by". */
  static List<String> logged(dev.escrow.marketplace.domain.history.RecordsHistory aggregate) {
    return aggregate.statusLog().pending().stream()
        .map(e -> e.from() + ">" + e.to() + " " + e.reasonText() + " by " + e.actor())
        .toList();
  }

  @Test
  void theDealAndItsOfferLogTheirOwnStatusChanges() {
    offer.statusLog().drain(StatusChange.Subject.OFFER, offer.id()); // its moderation
    Deal deal = open();
    assertEquals(List.of("null>AWAITING_PAYMENT opened by boris"), logged(deal));
    assertEquals(
        List.of("ACTIVE>RESERVED bought in deal " + deal.id() + " by boris"),
        logged(offer),
        "the deal's id, known once it is stored");
    deal.statusLog().drain(StatusChange.Subject.DEAL, deal.id());
    offer.statusLog().drain(StatusChange.Subject.OFFER, offer.id());

    deal.recordPayment(7L, Money.of("300.00"), NOW.plusSeconds(1));
    deal.recordPayment(8L, Money.of("200.00"), NOW.plusSeconds(2)); // still IN_PROGRESS: no row
    deal.moveToStage("CHECKED", "admin", NOW.plusSeconds(3));
    deal.recordPayment(9L, Money.of("500.00"), NOW.plusSeconds(4));
    assertEquals(
        List.of(
            "AWAITING_PAYMENT>IN_PROGRESS payment 7 of 300.00 by system",
            "IN_PROGRESS>CHECKED set by the administrator by admin",
            "CHECKED>COMPLETED payment 9 of 500.00 by system"),
        logged(deal));
    assertEquals(
        List.of("RESERVED>SOLD deal " + deal.id() + " paid in full by system"), logged(offer));
  }

  @Test
  void anExpiredDealLogsItsDeadlineAndReleasesItsOffer() {
    Deal deal = open();
    deal.statusLog().drain(StatusChange.Subject.DEAL, deal.id());
    offer.statusLog().drain(StatusChange.Subject.OFFER, offer.id());
    deal.expire(due);
    assertEquals(
        List.of("AWAITING_PAYMENT>EXPIRED not paid in full by " + due + " by system"),
        logged(deal));
    assertEquals(
        List.of("RESERVED>ACTIVE deal " + deal.id() + " expired by system"), logged(offer));
  }

  @Test
  void payableAndOverdueAreTheTwoSidesOfTheDeadlineWhileOpen() {
    Deal deal = open();
    assertTrue(deal.isPayableAt(due.minusNanos(1)));
    assertFalse(deal.isOverdueAt(due.minusNanos(1)));
    assertFalse(deal.isPayableAt(due));
    assertTrue(deal.isOverdueAt(due));
    deal.expire(due);
    assertFalse(deal.isPayableAt(NOW), "closed: never payable");
    assertFalse(deal.isOverdueAt(due), "closed: never overdue again");
  }
}

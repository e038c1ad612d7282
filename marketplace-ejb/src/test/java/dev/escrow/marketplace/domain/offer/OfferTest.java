package dev.escrow.marketplace.domain.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.marketplace.domain.Fixtures;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.user.User;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static Offer offer() {
    User seller = User.client("anna", "Anna", "$2a$hash", NOW);
    return new Offer(
        seller, "Lamp", "A lamp", Money.of("100.50"), Duration.ofHours(48), Percent.of("5"), NOW);
  }

  @Test
  void aNewOfferWaitsForModeration() {
    Offer offer = offer();
    assertEquals(OfferStatus.PENDING_MODERATION, offer.status());
    assertTrue(offer.published());
    assertEquals(Percent.of("5.00"), offer.commissionPercent());
    assertFalse(offer.isInCatalogue());
  }

  @Test
  void approvalWithoutACommissionKeepsTheOneTheOfferCarries() {
    Offer offer = offer();
    offer.approve(null, NOW);
    assertEquals(OfferStatus.ACTIVE, offer.status());
    assertEquals(Percent.of("5.00"), offer.commissionPercent());
  }

  @Test
  void approvalSetsTheCommissionAndPutsItInTheCatalogue() {
    Offer offer = offer();
    offer.approve(Percent.of("3.5"), NOW);
    assertEquals(OfferStatus.ACTIVE, offer.status());
    assertEquals(Percent.of("3.50"), offer.commissionPercent());
    assertTrue(offer.isInCatalogue());
    assertThrows(StateConflictException.class, () -> offer.approve(Percent.of("1"), NOW));
    assertThrows(StateConflictException.class, () -> offer.reject("late", NOW));
  }

  @Test
  void rejectionNeedsAReasonAndAnEditSendsTheOfferBackToModeration() {
    Offer offer = offer();
    assertThrows(IllegalArgumentException.class, () -> offer.reject(" ", NOW));
    offer.reject("Blurry photos", NOW);
    assertEquals(OfferStatus.REJECTED, offer.status());
    assertEquals("Blurry photos", offer.rejectionReason());

    offer.revise("Lamp", "Sharp photos", Money.of("90"), Duration.ofMinutes(1), NOW);
    assertEquals(OfferStatus.PENDING_MODERATION, offer.status());
    assertNull(offer.rejectionReason());
    assertEquals(Duration.ofMinutes(1), offer.paymentWindow());
  }

  @Test
  void reservationSaleAndRelease() {
    Offer offer = offer();
    assertThrows(
        StateConflictException.class, () -> offer.reserve(NOW, "buyer", () -> "bought in deal 1"));
    offer.approve(Percent.of("5"), NOW);
    offer.reserve(NOW, "buyer", () -> "bought in deal 1");
    assertEquals(OfferStatus.RESERVED, offer.status());
    assertThrows(
        StateConflictException.class,
        () -> offer.revise("x", "y", Money.of("1"), Duration.ofHours(1), NOW));
    offer.release("deal 1 expired", NOW);
    assertEquals(OfferStatus.ACTIVE, offer.status());
    offer.reserve(NOW, "buyer", () -> "bought in deal 1");
    offer.markSold("deal 1 paid in full", NOW);
    assertEquals(OfferStatus.SOLD, offer.status());
    assertThrows(StateConflictException.class, () -> offer.release("deal 1 expired", NOW));
  }

  @Test
  void aHiddenOfferIsNotInTheCatalogueAndCannotBeReserved() {
    Offer offer = offer();
    offer.approve(Percent.of("5"), NOW);
    offer.publish(false, NOW);
    assertFalse(offer.isInCatalogue());
    assertThrows(
        StateConflictException.class, () -> offer.reserve(NOW, "buyer", () -> "bought in deal 1"));
  }

  @Test
  void theOfferRefusesInvalidValues() {
    User seller = User.client("anna", "Anna", "$2a$hash", NOW);
    assertThrows(
        IllegalArgumentException.class,
        () -> new Offer(seller, "T", "D", Money.ZERO, Duration.ofHours(1), Percent.of("5"), NOW));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Offer(
                seller, "T", "D", Money.of("1"), Duration.ofSeconds(59), Percent.of("5"), NOW));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Offer(seller, "T", "D", Money.of("1"), Duration.ofDays(31), Percent.of("5"), NOW));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Offer(seller, " ", "D", Money.of("1"), Duration.ofDays(1), Percent.of("5"), NOW));
  }

  @Test
  void paymentWindowsAreReadFromIsoDurations() {
    assertEquals(Duration.ofDays(30), PaymentWindow.parse("P30D"));
    assertEquals(Duration.ofMinutes(1), PaymentWindow.parse(" PT1M "));
    assertThrows(IllegalArgumentException.class, () -> PaymentWindow.parse("48h"));
    assertThrows(IllegalArgumentException.class, () -> PaymentWindow.parse("PT1M0.5S"));
    assertThrows(IllegalArgumentException.class, () -> PaymentWindow.parse(null));
  }

  @Test
  void theOfferLogsItsOwnStatusChangesWithWhoMadeThem() {
    Offer offer = offer();
    offer.reject(" Blurry photos ", NOW);
    offer.revise("Lamp", "A lamp, sharper", Money.of("100.50"), Duration.ofHours(48), NOW);
    offer.revise("Lamp", "A lamp, sharper still", Money.of("100.50"), Duration.ofHours(48), NOW);
    offer.approve(null, NOW);
    offer.publish(false, NOW); // not a status
    assertEquals(
        List.of(
            "null>PENDING_MODERATION submitted by anna",
            "PENDING_MODERATION>REJECTED  Blurry photos  by admin",
            "REJECTED>PENDING_MODERATION revised by anna",
            "PENDING_MODERATION>ACTIVE approved by admin"),
        offer.statusLog().pending().stream()
            .map(e -> e.from() + ">" + e.to() + " " + e.reasonText() + " by " + e.actor())
            .toList());
  }

  @Test
  void anOfferIsVisibleToEverybodyInTheCatalogueAndToItsSellerAlways() {
    User seller = Fixtures.client("vera");
    User other = Fixtures.client("gleb");
    Offer offer =
        Fixtures.withId(
            new Offer(
                seller,
                "Lamp",
                "A lamp",
                Money.of("1.00"),
                Duration.ofHours(48),
                Percent.of("5"),
                NOW));
    assertTrue(offer.isVisibleTo(seller));
    assertFalse(offer.isVisibleTo(other), "waiting for moderation");
    offer.approve(null, NOW);
    assertTrue(offer.isVisibleTo(other));
    offer.publish(false, NOW);
    assertFalse(offer.isVisibleTo(other), "hidden by its seller");
    assertTrue(offer.isVisibleTo(seller));
  }
}

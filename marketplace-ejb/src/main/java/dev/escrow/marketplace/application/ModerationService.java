package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.history.History;
import dev.escrow.marketplace.domain.history.StatusChange;
import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.offer.OfferRepository;
import dev.escrow.marketplace.domain.offer.OfferStatus;
import dev.escrow.marketplace.domain.user.User;
import dev.escrow.platform.money.Percent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The administrator moderates offers: approves them at a commission, or rejects them. */
@Stateless
public class ModerationService {

  @Inject OfferRepository offers;
  @Inject Clock clock;
  @Inject History history;

  /** Offers in one status (all offers when status is null), oldest first. */
  public List<Offer> offersWithStatus(OfferStatus status) {
    return offers.withStatus(status);
  }

  public Offer offer(long offerId) {
    return offers.findById(offerId).orElseThrow(() -> new UnknownObjectException("Offer"));
  }

  /**
   * Approves at the given commission, or at the one the offer carries (the default when it was
   * created, or what "apply to all offers" set since) when none is given.
   */
  public Offer approve(long offerId, Percent commission) {
    Offer offer =
        offers.findForUpdate(offerId).orElseThrow(() -> new UnknownObjectException("Offer"));
    OfferStatus before = offer.status();
    Instant now = clock.instant();
    offer.approve(commission, now);
    history.record(
        StatusChange.Subject.OFFER,
        offer.id(),
        before,
        offer.status(),
        now,
        "approved",
        User.ADMIN_LOGIN);
    return offer;
  }

  public Offer reject(long offerId, @NotBlank @Size(max = Offer.REASON_MAX) String reason) {
    Offer offer =
        offers.findForUpdate(offerId).orElseThrow(() -> new UnknownObjectException("Offer"));
    OfferStatus before = offer.status();
    Instant now = clock.instant();
    offer.reject(reason, now);
    history.record(
        StatusChange.Subject.OFFER,
        offer.id(),
        before,
        offer.status(),
        now,
        reason,
        User.ADMIN_LOGIN);
    return offer;
  }
}

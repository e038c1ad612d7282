package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.offer.OfferRepository;
import dev.escrow.marketplace.domain.offer.OfferStatus;
import dev.escrow.platform.money.Percent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;

/** The administrator moderates offers: approves them at a commission, or rejects them. */
@Stateless
public class ModerationService {

  @Inject OfferRepository offers;
  @Inject Clock clock;

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
    offer.approve(commission, clock.instant());
    return offer;
  }

  public Offer reject(long offerId, @NotBlank @Size(max = Offer.REASON_MAX) String reason) {
    Offer offer =
        offers.findForUpdate(offerId).orElseThrow(() -> new UnknownObjectException("Offer"));
    offer.reject(reason, clock.instant());
    return offer;
  }
}

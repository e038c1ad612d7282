package dev.escrow.marketplace.domain.offer;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * An offer was inserted, updated or removed (what the catalogue shows may have changed). Fired by
 * {@link Listener}, the entity listener of {@link Offer}; observers that care about the committed
 * state observe it after the transaction's completion.
 */
public record OfferWritten(Long offerId) {

  /** The entity listener of {@link Offer} that fires the event. */
  public static class Listener {

    @Inject Event<OfferWritten> written;

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Offer offer) {
      written.fire(new OfferWritten(offer.id()));
    }
  }
}

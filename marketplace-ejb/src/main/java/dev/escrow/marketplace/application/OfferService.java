package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.offer.OfferRepository;
import dev.escrow.marketplace.domain.settings.SettingsRepository;
import dev.escrow.marketplace.domain.user.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;

/**
 * Offers from the clients' side: a seller submits and edits their own offers (an edit goes back to
 * moderation) and shows or hides them; everybody browses the catalogue.
 */
@Stateless
public class OfferService {

  public static final int MAX_PAGE_SIZE = 100;

  @Inject Callers callers;
  @Inject OfferRepository offers;
  @Inject SettingsRepository settings;
  @Inject Clock clock;
  @Inject CatalogueCounts counts;

  public Offer submitOffer(@NotNull String login, @NotNull @Valid OfferDraft draft) {
    User seller = callers.byLogin(login);
    return offers.add(
        new Offer(
            seller,
            draft.title(),
            draft.description(),
            draft.price(),
            draft.paymentWindow(),
            settings.current().defaultCommissionPercent(),
            clock.instant()));
  }

  public Offer reviseOffer(@NotNull String login, long offerId, @NotNull @Valid OfferDraft draft) {
    Offer offer = ownOffer(login, offerId);
    offer.revise(
        draft.title(), draft.description(), draft.price(), draft.paymentWindow(), clock.instant());
    return offer;
  }

  public Offer publishOffer(@NotNull String login, long offerId, boolean visible) {
    Offer offer = ownOffer(login, offerId);
    offer.publish(visible, clock.instant());
    return offer;
  }

  public List<Offer> offersOf(@NotNull String login) {
    return offers.ofSeller(callers.byLogin(login).id());
  }

  /** One of the caller's own offers; somebody else's is "not found". */
  public Offer ownOffer(@NotNull String login, long offerId) {
    User seller = callers.byLogin(login);
    return offers
        .findById(offerId)
        .filter(o -> o.isSoldBy(seller.id()))
        .orElseThrow(() -> new UnknownObjectException("Offer"));
  }

  /** An offer as the caller may see it: in the catalogue, or their own in any state. */
  public Offer visibleOffer(@NotNull String login, long offerId) {
    User caller = callers.byLogin(login);
    return offers
        .findById(offerId)
        .filter(o -> o.isVisibleTo(caller))
        .orElseThrow(() -> new UnknownObjectException("Offer"));
  }

  /**
   * A page of the catalogue (active, published offers), searched by text in the title and
   * description; {@code othersOnly} leaves out the caller's own offers.
   */
  public List<Offer> catalogue(
      @NotNull String login,
      String text,
      boolean othersOnly,
      @Min(0) int first,
      @Min(1) @Max(MAX_PAGE_SIZE) int size) {
    Long excluded = othersOnly ? callers.byLogin(login).id() : null;
    return offers.catalogue(text, excluded, first, size);
  }

  /** A page of the catalogue and how many offers match in all. */
  public record CataloguePage(List<Offer> offers, long total) {}

  /**
   * {@link #catalogue} and {@link #catalogueCount} in one call (one transaction, one look-up of the
   * caller): what the API's catalogue answers on every request.
   */
  public CataloguePage cataloguePage(
      @NotNull String login,
      String text,
      boolean othersOnly,
      @Min(0) int first,
      @Min(1) @Max(MAX_PAGE_SIZE) int size) {
    Long excluded = othersOnly ? callers.byLogin(login).id() : null;
    return new CataloguePage(offers.catalogue(text, excluded, first, size), count(text, excluded));
  }

  public long catalogueCount(@NotNull String login, String text, boolean othersOnly) {
    Long excluded = othersOnly ? callers.byLogin(login).id() : null;
    return count(text, excluded);
  }

  private long count(String text, Long excluded) {
    // counting 100 000 offers costs more than reading a page of them: kept a moment
    return counts.count(text, excluded, () -> offers.catalogueCount(text, excluded));
  }
}

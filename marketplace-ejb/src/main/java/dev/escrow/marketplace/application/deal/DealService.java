package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.application.Callers;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.account.ClientAccountRepository;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.deal.DealRepository;
import dev.escrow.marketplace.domain.dealstatus.DealStatus;
import dev.escrow.marketplace.domain.history.History;
import dev.escrow.marketplace.domain.history.StatusChange;
import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.offer.OfferRepository;
import dev.escrow.marketplace.domain.offer.OfferStatus;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentRepository;
import dev.escrow.marketplace.domain.user.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Buying an offer, and who may see which deal. */
@Stateless
public class DealService {

  @Inject Callers callers;
  @Inject OfferRepository offers;
  @Inject DealRepository deals;
  @Inject ClientAccountRepository accounts;
  @Inject History history;
  @Inject PaymentRepository payments;
  @Inject Clock clock;

  /**
   * "Buy": the offer is locked, reserved and a deal opens with the offer's price and commission.
   * Two buyers racing for one offer: the second waits for the lock and finds it RESERVED (409).
   */
  public Deal buy(long offerId, String buyerLogin) {
    User buyer = callers.byLogin(buyerLogin);
    Offer offer =
        offers.findForUpdate(offerId).orElseThrow(() -> new UnknownObjectException("Offer"));
    if (!offer.isVisibleTo(buyer)
        && (offer.status() == OfferStatus.PENDING_MODERATION
            || offer.status() == OfferStatus.REJECTED)) {
      throw new UnknownObjectException("Offer");
    }
    List<ClientAccount> payoutAccounts = accounts.ofOwner(offer.seller().id());
    if (payoutAccounts.isEmpty()) {
      throw new StateConflictException("The seller has no settlement account to be paid to yet");
    }
    return deals.add(Deal.open(offer, buyer, payoutAccounts.get(0), clock.instant()));
  }

  /** A deal, to its buyer, its seller or an administrator; to anybody else it does not exist. */
  public Deal deal(long dealId, String login) {
    User user = callers.byLogin(login);
    Deal deal = deals.findById(dealId).orElseThrow(() -> new UnknownObjectException("Deal"));
    if (!user.isAdmin() && !deal.involves(user.id())) {
      throw new UnknownObjectException("Deal");
    }
    return deal;
  }

  public List<Deal> purchases(String login) {
    return deals.ofBuyer(callers.byLogin(login).id());
  }

  public List<Deal> sales(String login) {
    return deals.ofSeller(callers.byLogin(login).id());
  }

  public List<Deal> all(int first, int max) {
    return deals.all(first, max);
  }

  /**
   * The administrator gives a deal an added status (never a system one: those follow the money);
   * the deal's history records who, when, from and to.
   */
  public Deal moveToStatus(long dealId, DealStatus to, String adminLogin) {
    User admin = callers.byLogin(adminLogin);
    if (!admin.isAdmin()) {
      throw new UnknownObjectException("Deal");
    }
    Deal deal = deals.findForUpdate(dealId).orElseThrow(() -> new UnknownObjectException("Deal"));
    if (to.system()) {
      throw new StateConflictException(
          "A system status is set by the marketplace itself, never by hand");
    }
    deal.moveToStage(to.code(), adminLogin, clock.instant());
    return deal;
  }

  public List<StatusChange> historyOf(Deal deal) {
    return history.of(StatusChange.Subject.DEAL, deal.id());
  }

  /** A deal as {@link #deal} finds it, with its payments and history. */
  public DealDetails details(long dealId, String login) {
    return detailsOf(List.of(deal(dealId, login)), true).get(0);
  }

  /**
   * These deals with their histories (and payments when asked), in one query each however many
   * deals there are; in the order given.
   */
  public List<DealDetails> detailsOf(List<Deal> shown, boolean withPayments) {
    List<Long> ids = shown.stream().map(Deal::id).toList();
    Map<Long, List<StatusChange>> histories = history.of(StatusChange.Subject.DEAL, ids);
    Map<Long, List<Payment>> paid = withPayments ? payments.ofDeals(ids) : Map.of();
    return shown.stream()
        .map(
            d ->
                new DealDetails(
                    d,
                    paid.getOrDefault(d.id(), List.of()),
                    histories.getOrDefault(d.id(), List.of())))
        .toList();
  }
}

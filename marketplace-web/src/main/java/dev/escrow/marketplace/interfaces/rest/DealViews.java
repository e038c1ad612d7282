package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.DealStatusService;
import dev.escrow.marketplace.application.deal.DealDetails;
import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.interfaces.rest.DealJson.AdminDealView;
import dev.escrow.marketplace.interfaces.rest.DealJson.DealView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds deal views with the statuses' display names (which the administrator may rename). */
@RequestScoped
public class DealViews {

  @Inject DealStatusService statuses;
  @Inject DealService deals;

  private Map<String, String> names;

  DealView of(Deal deal) {
    return ofAll(List.of(deal)).get(0);
  }

  /** Views of several deals: their payments and histories in one query each. */
  List<DealView> ofAll(List<Deal> shown) {
    return deals.detailsOf(shown, true).stream().map(this::of).toList();
  }

  private DealView of(DealDetails d) {
    return DealView.of(d.deal(), names(), d.payments(), d.history());
  }

  AdminDealView forAdmin(DealDetails details) {
    DealView view = of(details);
    Deal deal = details.deal();
    return new AdminDealView(
        view,
        deal.commissionPercent().toString(),
        deal.commission().toString(),
        deal.payout().name(),
        deal.operationKey(),
        view.history(),
        deal.payoutRefusal(),
        deal.payoutRefusedAt() == null ? null : deal.payoutRefusedAt().toString());
  }

  private Map<String, String> names() {
    if (names == null) {
      names = statuses.statuses().stream().collect(Collectors.toMap(s -> s.code(), s -> s.name()));
    }
    return names;
  }
}

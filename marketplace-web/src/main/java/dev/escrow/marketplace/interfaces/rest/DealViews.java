package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.DealStatusService;
import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.application.deal.PaymentService;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.interfaces.rest.DealJson.AdminDealView;
import dev.escrow.marketplace.interfaces.rest.DealJson.ChangeJson;
import dev.escrow.marketplace.interfaces.rest.DealJson.DealView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds deal views with the statuses' display names (which the administrator may rename). */
@RequestScoped
public class DealViews {

  @Inject DealStatusService statuses;
  @Inject PaymentService payments;
  @Inject DealService deals;

  private Map<String, String> names;

  DealView of(Deal deal) {
    return DealView.of(deal, names(), payments.ofDeal(deal), deals.historyOf(deal));
  }

  AdminDealView forAdmin(Deal deal) {
    return new AdminDealView(
        of(deal),
        deal.commissionPercent().toString(),
        deal.commission().toString(),
        deal.payout().name(),
        deal.operationKey(),
        deals.historyOf(deal).stream().map(ChangeJson::of).toList(),
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

package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.deal.DealDetails;
import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.payment.Payment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.omnifaces.util.Faces;

/** Cabinet: my deals (where I buy) and my sales (where I sell), each with its payments. */
@Named
@RequestScoped
public class MyDealsPage {

  public record DealLine(
      long id,
      String title,
      String counterpart,
      String price,
      String paid,
      String status,
      Instant dueAt,
      String payments,
      String stage) {}

  @Inject DealService deals;

  private List<DealLine> purchases;
  private List<DealLine> sales;

  @Transactional
  public List<DealLine> getPurchases() {
    if (purchases == null) {
      purchases =
          deals.detailsOf(deals.purchases(Faces.getRemoteUser()), true).stream()
              .map(d -> line(d, d.deal().seller().fullName()))
              .toList();
    }
    return purchases;
  }

  @Transactional
  public List<DealLine> getSales() {
    if (sales == null) {
      sales =
          deals.detailsOf(deals.sales(Faces.getRemoteUser()), true).stream()
              .map(d -> line(d, d.deal().buyer().fullName()))
              .toList();
    }
    return sales;
  }

  private DealLine line(DealDetails details, String counterpart) {
    Deal d = details.deal();
    String list =
        details.payments().stream()
            .map(p -> Fmt.current().money(p.amount()) + " " + statusText(p))
            .collect(Collectors.joining(", "));
    return new DealLine(
        d.id(),
        d.offer().title(),
        counterpart,
        d.price().toString(),
        d.paidAmount().toString(),
        d.status().name(),
        d.dueAt(),
        list,
        d.stage());
  }

  private static String statusText(Payment p) {
    return Pages.textOf(
        "dm", "payment." + PaymentLabels.shownStatus(p.status().name(), p.failureReason()));
  }
}

package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.domain.offer.Offer;
import java.io.Serializable;

/** An offer as the client pages show it: nothing about the marketplace's commission. */
public class OfferRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long id;
  private final String title;
  private final String description;
  private final String price;
  private final String window;
  private final String status;
  private final boolean published;
  private final String rejectionReason;
  private final String seller;
  private final boolean editable;

  OfferRow(Offer offer) {
    this.id = offer.id();
    this.title = offer.title();
    this.description = offer.description();
    this.price = offer.price().toString();
    this.window = Pages.window(offer.paymentWindow());
    this.status = offer.status().name();
    this.published = offer.published();
    this.rejectionReason = offer.rejectionReason();
    this.seller = offer.seller().fullName();
    this.editable =
        switch (offer.status()) {
          case PENDING_MODERATION, ACTIVE, REJECTED -> true;
          default -> false;
        };
  }

  public long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public String getPrice() {
    return price;
  }

  public String getWindow() {
    return window;
  }

  public String getStatus() {
    return status;
  }

  public boolean isPublished() {
    return published;
  }

  public String getRejectionReason() {
    return rejectionReason;
  }

  public String getSeller() {
    return seller;
  }

  public boolean isEditable() {
    return editable;
  }
}

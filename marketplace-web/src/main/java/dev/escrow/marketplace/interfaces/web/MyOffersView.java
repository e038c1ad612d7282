package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.OfferDraft;
import dev.escrow.marketplace.application.OfferService;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.offer.PaymentWindow;
import dev.escrow.platform.money.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Cabinet: my offers. One form creates an offer or edits the chosen one (an edit goes back to
 * moderation); the table shows each offer's status, rejection reason and visibility.
 */
@Named
@ViewScoped
public class MyOffersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject OfferService offers;

  private List<OfferRow> rows;
  private Long editingId;
  private String title;
  private String description;
  private Money price;
  private Long windowAmount = 2L;
  private WindowUnit windowUnit = WindowUnit.DAYS;

  @PostConstruct
  void load() {
    rows =
        new ArrayList<>(
            offers.offersOf(Faces.getRemoteUser()).stream().map(OfferRow::new).toList());
  }

  public void save() {
    Duration window = windowUnit.times(windowAmount);
    try {
      PaymentWindow.check(window);
    } catch (IllegalArgumentException e) {
      Messages.addError("offerForm:windowAmount", "offers.windowRange");
      return;
    }
    OfferDraft draft = new OfferDraft(title, description, price, window);
    try {
      if (editingId == null) {
        Offer offer = offers.submitOffer(Faces.getRemoteUser(), draft);
        Messages.addGlobalInfo("offers.submitted", offer.title());
      } else {
        Offer offer = offers.reviseOffer(Faces.getRemoteUser(), editingId, draft);
        Messages.addGlobalInfo("offers.revised", offer.title());
      }
      clear();
    } catch (StateConflictException e) {
      Messages.addGlobalError("offers.notEditable");
    } catch (UnknownObjectException e) {
      Messages.addGlobalError("error.notFound");
      clear();
    }
    load();
  }

  public void edit(OfferRow row) {
    try {
      Offer offer = offers.ownOffer(Faces.getRemoteUser(), row.getId());
      editingId = offer.id();
      title = offer.title();
      description = offer.description();
      price = offer.price();
      windowUnit = WindowUnit.of(offer.paymentWindow());
      windowAmount = windowUnit.amountOf(offer.paymentWindow());
    } catch (UnknownObjectException e) {
      Messages.addGlobalError("error.notFound");
    }
  }

  public void cancel() {
    clear();
  }

  public void toggleVisibility(OfferRow row) {
    try {
      Offer offer = offers.publishOffer(Faces.getRemoteUser(), row.getId(), !row.isPublished());
      Messages.addGlobalInfo(offer.published() ? "offers.shown" : "offers.hidden", offer.title());
    } catch (UnknownObjectException e) {
      Messages.addGlobalError("error.notFound");
    }
    load();
  }

  private void clear() {
    editingId = null;
    title = null;
    description = null;
    price = null;
    windowAmount = 2L;
    windowUnit = WindowUnit.DAYS;
  }

  public WindowUnit[] getUnits() {
    return WindowUnit.values();
  }

  public List<OfferRow> getRows() {
    return rows;
  }

  public Long getEditingId() {
    return editingId;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Money getPrice() {
    return price;
  }

  public void setPrice(Money price) {
    this.price = price;
  }

  public Long getWindowAmount() {
    return windowAmount;
  }

  public void setWindowAmount(Long windowAmount) {
    this.windowAmount = windowAmount;
  }

  public WindowUnit getWindowUnit() {
    return windowUnit;
  }

  public void setWindowUnit(WindowUnit windowUnit) {
    this.windowUnit = windowUnit;
  }
}

package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.ModerationService;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.offer.OfferStatus;
import dev.escrow.platform.money.Percent;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.Messages;

/**
 * Admin: the moderation queue. Each offer waiting for moderation with its description, its
 * commission (the default when it was created) to keep or change, approve, or reject with a reason.
 */
@Named
@ViewScoped
public class ModerationView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One pending offer with what the administrator types for it. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final String title;
    private final String description;
    private final String price;
    private final String window;
    private final String seller;
    private Percent commission;
    private String reason;

    Row(Offer offer) {
      this.id = offer.id();
      this.title = offer.title();
      this.description = offer.description();
      this.price = offer.price().toString();
      this.window = Pages.window(offer.paymentWindow());
      this.seller = offer.seller().fullName() + " (" + offer.seller().login() + ")";
      this.commission = offer.commissionPercent();
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

    public String getSeller() {
      return seller;
    }

    public Percent getCommission() {
      return commission;
    }

    public void setCommission(Percent commission) {
      this.commission = commission;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason;
    }
  }

  @Inject ModerationService moderation;

  private List<Row> rows;

  @PostConstruct
  void load() {
    rows =
        new ArrayList<>(
            moderation.offersWithStatus(OfferStatus.PENDING_MODERATION).stream()
                .map(Row::new)
                .toList());
  }

  public void approve(Row row) {
    if (row.getCommission() == null) {
      Messages.addGlobalError("moderation.commissionRequired");
      return;
    }
    try {
      Offer offer = moderation.approve(row.getId(), row.getCommission());
      Messages.addGlobalInfo("moderation.approved", offer.title(), row.getCommission().toString());
    } catch (StateConflictException | UnknownObjectException e) {
      Messages.addGlobalError("moderation.notPending");
    }
    load();
  }

  public void reject(Row row) {
    if (row.getReason() == null || row.getReason().isBlank()) {
      Messages.addGlobalError("moderation.reasonRequired", row.getTitle());
      return;
    }
    try {
      Offer offer = moderation.reject(row.getId(), row.getReason());
      Messages.addGlobalInfo("moderation.rejected", offer.title());
    } catch (StateConflictException | UnknownObjectException e) {
      Messages.addGlobalError("moderation.notPending");
    }
    load();
  }

  public List<Row> getRows() {
    return rows;
  }
}

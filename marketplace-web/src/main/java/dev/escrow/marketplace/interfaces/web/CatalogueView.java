package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.OfferService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Cabinet: the catalogue of other sellers' active offers, searched and paged in the database. */
@Named
@ViewScoped
public class CatalogueView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject OfferService offers;
  @Inject dev.escrow.marketplace.application.deal.DealService deals;

  private String query;
  private LazyDataModel<OfferRow> model;

  @PostConstruct
  void init() {
    String login = Faces.getRemoteUser();
    model =
        new LazyDataModel<>() {
          private static final long serialVersionUID = 1L;

          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, offers.catalogueCount(login, query, true));
          }

          @Override
          public List<OfferRow> load(
              int first,
              int pageSize,
              Map<String, SortMeta> sortBy,
              Map<String, FilterMeta> filterBy) {
            int size = Math.max(1, Math.min(pageSize, OfferService.MAX_PAGE_SIZE));
            return offers.catalogue(login, query, true, Math.max(0, first), size).stream()
                .map(OfferRow::new)
                .toList();
          }

          @Override
          public String getRowKey(OfferRow row) {
            return String.valueOf(row.getId());
          }
        };
  }

  /** A new search starts from the first page. */
  public void search() {
    if (Components.findComponent("catalogueForm:offers") instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  /** "Buy": opens a deal and goes to its payment page. */
  public String buy(OfferRow row) {
    try {
      long dealId = deals.buy(row.getId(), Faces.getRemoteUser()).id();
      return "/cabinet/deal?faces-redirect=true&id=" + dealId;
    } catch (dev.escrow.marketplace.domain.StateConflictException
        | dev.escrow.marketplace.application.UnknownObjectException e) {
      Messages.addGlobalError("catalogue.notBuyable", row.getTitle());
      return null;
    }
  }

  public LazyDataModel<OfferRow> getModel() {
    return model;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}

package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.OfferService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Cabinet: the catalogue of other sellers' active offers, searched and paged in the database. */
@Named
@ViewScoped
public class CatalogueView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject OfferService offers;

  private String query;
  private LazyDataModel<OfferRow> model;

  @PostConstruct
  void init() {
    String login = Pages.login();
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
    var table =
        jakarta.faces.context.FacesContext.getCurrentInstance()
            .getViewRoot()
            .findComponent("catalogueForm:offers");
    if (table instanceof org.primefaces.component.datatable.DataTable dataTable) {
      dataTable.setFirst(0);
    }
  }

  /** A placeholder until deals are built: buying is not possible yet. */
  public void buy(OfferRow row) {
    Pages.info("catalogue.buySoon", row.getTitle());
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

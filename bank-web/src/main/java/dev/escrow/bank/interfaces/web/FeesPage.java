package dev.escrow.bank.interfaces.web;

import dev.escrow.bank.application.FeeScheduleService;
import dev.escrow.bank.application.Requests.FeeRateChange;
import dev.escrow.bank.application.SettingsService;
import dev.escrow.bank.application.Views.FeeRateView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Edit the fee schedule and the processing delay. */
@Named
@ViewScoped
public class FeesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient FeeScheduleService fees;
  @Inject transient SettingsService settings;

  /** One editable row of the schedule. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String fromBank;
    private final String toBank;
    private BigDecimal percent;

    Row(FeeRateView view) {
      this.fromBank = view.fromBank();
      this.toBank = view.toBank();
      this.percent = new BigDecimal(view.percent());
    }

    public String getFromBank() {
      return fromBank;
    }

    public String getToBank() {
      return toBank;
    }

    public BigDecimal getPercent() {
      return percent;
    }

    public void setPercent(BigDecimal percent) {
      this.percent = percent;
    }
  }

  private List<Row> rows = new ArrayList<>();
  private Integer processingDelaySeconds;

  @PostConstruct
  void load() {
    rows = new ArrayList<>(fees.schedule().stream().map(Row::new).toList());
    processingDelaySeconds = settings.processingDelaySeconds();
  }

  public void saveFees() {
    List<FeeRateChange> changes =
        rows.stream().map(r -> new FeeRateChange(r.fromBank, r.toBank, r.percent)).toList();
    if (Pages.attempt(() -> fees.change(changes)) != null) {
      Pages.info("Fee schedule saved");
      load();
    }
  }

  public void saveDelay() {
    Integer saved =
        Pages.attempt(
            () ->
                processingDelaySeconds == null
                    ? null
                    : settings.changeProcessingDelay(processingDelaySeconds));
    if (saved != null) {
      Pages.info("Processing delay is now " + saved + " s");
    }
  }

  public List<Row> getRows() {
    return rows;
  }

  public Integer getProcessingDelaySeconds() {
    return processingDelaySeconds;
  }

  public void setProcessingDelaySeconds(Integer processingDelaySeconds) {
    this.processingDelaySeconds = processingDelaySeconds;
  }
}

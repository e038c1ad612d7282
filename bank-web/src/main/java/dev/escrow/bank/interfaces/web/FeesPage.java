package dev.escrow.bank.interfaces.web;

import dev.escrow.bank.application.FeeScheduleService;
import dev.escrow.bank.application.Requests.FeeRateChange;
import dev.escrow.bank.application.SettingsService;
import dev.escrow.bank.application.Views.FeeRateView;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.bank.BankRepository;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.omnifaces.util.Messages;

/** Edit the fee schedule and the processing delay. */
@Named
@ViewScoped
public class FeesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject FeeScheduleService fees;
  @Inject SettingsService settings;
  @Inject BankRepository banks;

  /** One editable row of the schedule. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String fromBank;
    private final String toBank;
    private final String fromName;
    private final String toName;
    private BigDecimal percent;

    Row(FeeRateView view, Map<String, String> names) {
      this.fromBank = view.fromBank();
      this.toBank = view.toBank();
      this.fromName = names.getOrDefault(fromBank, fromBank);
      this.toName = names.getOrDefault(toBank, toBank);
      this.percent = new BigDecimal(view.percent());
    }

    /** The bank's name, not its requisite: "Альфа-Банк". */
    public String getFromName() {
      return fromName;
    }

    public String getToName() {
      return toName;
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
    Map<String, String> names =
        banks.all().stream().collect(Collectors.toMap(Bank::requisite, Bank::name, (a, b) -> a));
    rows = new ArrayList<>(fees.schedule().stream().map(r -> new Row(r, names)).toList());
    processingDelaySeconds = settings.processingDelaySeconds();
  }

  public void saveFees() {
    List<FeeRateChange> changes =
        rows.stream().map(r -> new FeeRateChange(r.fromBank, r.toBank, r.percent)).toList();
    if (Pages.attempt(() -> fees.change(changes)) != null) {
      Messages.addGlobalInfo("fees.saved");
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
      Messages.addGlobalInfo("fees.delaySaved", saved);
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

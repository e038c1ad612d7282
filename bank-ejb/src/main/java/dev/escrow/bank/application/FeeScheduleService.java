package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.FeeRateChange;
import dev.escrow.bank.application.Views.FeeRateView;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.bank.BankRepository;
import dev.escrow.bank.domain.fee.FeeSchedule;
import dev.escrow.platform.money.Percent;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Reads and changes the inter-bank fee schedule. */
@Stateless
public class FeeScheduleService {

  @Inject FeeSchedule schedule;
  @Inject BankRepository banks;

  public List<FeeRateView> schedule() {
    return schedule.rates().stream().map(FeeRateView::of).toList();
  }

  /**
   * Sets the listed pairs (others keep their percent) and answers the whole schedule. A pair of a
   * bank with itself is refused: a transfer within a bank is always free.
   */
  public List<FeeRateView> change(@NotNull List<@NotNull @Valid FeeRateChange> changes) {
    for (int i = 0; i < changes.size(); i++) {
      FeeRateChange change = changes.get(i);
      Bank from = bank(change.fromBank(), "[" + i + "].fromBank");
      Bank to = bank(change.toBank(), "[" + i + "].toBank");
      if (from.id().equals(to.id())) {
        throw new InvalidInputException(
            "[" + i + "].toBank", "a transfer within one bank is free; name two banks");
      }
      schedule.set(from, to, Percent.of(change.percent()));
    }
    return schedule();
  }

  /** What one bank has earned in fees. */
  public record FeeIncomeView(String bankRequisite, String bankName, String amount) {}

  public List<FeeIncomeView> incomes() {
    var byId =
        banks.all().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Bank::id, java.util.function.Function.identity()));
    return schedule.incomeByBank().entrySet().stream()
        .map(
            i -> {
              Bank bank = byId.get(i.getKey());
              return new FeeIncomeView(bank.requisite(), bank.name(), i.getValue().toString());
            })
        .toList();
  }

  private Bank bank(String requisite, String field) {
    return banks
        .byRequisite(requisite)
        .orElseThrow(() -> new InvalidInputException(field, "no bank has this requisite"));
  }
}

package dev.escrow.marketplace.infrastructure.jobs;

import dev.escrow.marketplace.application.deal.FeeRefresh;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step of the fee-refresh job: the bank's fee schedule into the fee cache. */
@Named("feeRefreshBatchlet")
@Dependent
public class FeeRefreshBatchlet extends AbstractBatchlet {

  @Inject FeeRefresh feeRefresh;
  @Inject StepContext step;

  @Override
  public String process() {
    int routes;
    try {
      routes = feeRefresh.refresh();
    } catch (RuntimeException e) {
      throw StepFailure.of(e);
    }
    step.setExitStatus("COMPLETED: " + routes + " routes");
    return "COMPLETED";
  }
}

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
      // The job repository stores the step's exception and reads it back with JBeret's class
      // loader, which cannot load the REST client's causes (JBERET000626): it keeps their text.
      throw new IllegalStateException(text(e));
    }
    step.setExitStatus("COMPLETED: " + routes + " routes");
    return "COMPLETED";
  }

  /** The exception and its causes, as "Class: message; caused by Class: message". */
  static String text(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause()) {
      String one = t.getClass().getName() + ": " + t.getMessage();
      if (!text.toString().contains(one)) {
        text.append(t == e ? "" : "; caused by ").append(one);
      }
    }
    return text.toString();
  }
}

package dev.escrow.marketplace.infrastructure.jobs;

import dev.escrow.marketplace.application.deal.RefundSweep;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;

/**
 * The refund-sweep's last step: re-drives work a lost message may have stranded (payments
 * PROCESSING for over 2 minutes, payouts still due), and sums up the job's result.
 */
@Named("redriveBatchlet")
@Dependent
public class RedriveBatchlet extends AbstractBatchlet {

  @Inject RefundSweep sweep;
  @Inject StepContext step;
  @Inject JobContext job;
  @Inject Clock clock;

  @Override
  public String process() {
    int redriven;
    try {
      redriven = sweep.redriveStuckWork(clock.instant().minus(Duration.ofMinutes(2)));
    } catch (RuntimeException e) {
      throw StepFailure.of(e);
    }
    String expiry = job.getTransientUserData() instanceof String s ? s + ", " : "";
    step.setExitStatus("COMPLETED: " + redriven + " re-driven");
    job.setExitStatus("COMPLETED: " + expiry + redriven + " re-driven");
    return "COMPLETED";
  }
}

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
import java.time.Instant;

/**
 * The refund-sweep's last step: re-drives work a lost message may have stranded (payments
 * PROCESSING for over 2 minutes, codes handed to the bank over 10 minutes ago with no answer
 * recorded, payouts still due), and sums up the job's result.
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
      Instant now = clock.instant();
      // A code's answer is asked for once no bank transaction could still be taking it (their
      // timeout is 5 minutes).
      redriven =
          sweep.redriveStuckWork(
              now.minus(Duration.ofMinutes(2)), now.minus(Duration.ofMinutes(10)));
    } catch (RuntimeException e) {
      throw StepFailure.of(e);
    }
    String expiry = job.getTransientUserData() instanceof String s ? s + ", " : "";
    step.setExitStatus("COMPLETED: " + redriven + " re-driven");
    job.setExitStatus("COMPLETED: " + expiry + redriven + " re-driven");
    return "COMPLETED";
  }
}

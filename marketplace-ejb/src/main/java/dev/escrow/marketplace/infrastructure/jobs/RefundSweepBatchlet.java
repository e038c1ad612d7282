package dev.escrow.marketplace.infrastructure.jobs;

import dev.escrow.marketplace.application.deal.RefundSweep;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;

/**
 * Step of the refund-sweep job: expire overdue deals one transaction each (their money is then
 * returned through the payout queue), and re-drive work a lost message may have stranded.
 */
@Named("refundSweepBatchlet")
@Dependent
public class RefundSweepBatchlet extends AbstractBatchlet {

  @Inject RefundSweep sweep;
  @Inject StepContext step;
  @Inject Clock clock;

  @Inject
  @BatchProperty(name = "batchSize")
  String batchSize;

  @Override
  public String process() {
    int size = batchSize == null ? 1000 : Integer.parseInt(batchSize);
    int expired = 0;
    int waiting = 0;
    for (Long dealId : sweep.overdueDeals(size)) {
      switch (sweep.expireIfOverdue(dealId)) {
        case EXPIRED -> expired++;
        case WAITING_FOR_BANK -> waiting++;
        default -> {}
      }
    }
    int redriven = sweep.redriveStuckWork(clock.instant().minus(Duration.ofMinutes(2)));
    step.setExitStatus(
        "COMPLETED: "
            + expired
            + " expired, "
            + waiting
            + " waiting for the bank, "
            + redriven
            + " re-driven");
    return "COMPLETED";
  }
}

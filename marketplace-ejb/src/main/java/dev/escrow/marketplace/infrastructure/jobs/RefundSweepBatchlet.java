package dev.escrow.marketplace.infrastructure.jobs;

import dev.escrow.marketplace.application.deal.Payouts;
import dev.escrow.marketplace.application.deal.RefundSweep;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One partition of the refund-sweep's expiry: the overdue deals whose id falls in this partition,
 * one transaction each, then the return of the money of this partition's expired deals (these and
 * any an earlier sweep left due), in batches. What it did is left in the partition's step context
 * for {@link RefundSweepCollector}.
 */
@Named("refundSweepBatchlet")
@Dependent
public class RefundSweepBatchlet extends AbstractBatchlet {

  @Inject RefundSweep sweep;
  @Inject Payouts payouts;
  @Inject StepContext step;

  @Inject
  @BatchProperty(name = "batchSize")
  String batchSize;

  @Inject
  @BatchProperty(name = "partition")
  String partition;

  @Inject
  @BatchProperty(name = "partitions")
  String partitions;

  @Override
  public String process() {
    try {
      return sweep();
    } catch (RuntimeException e) {
      throw StepFailure.of(e);
    }
  }

  private String sweep() {
    int size = batchSize == null ? 1000 : Integer.parseInt(batchSize);
    int of = partitions == null ? 1 : Integer.parseInt(partitions);
    int mine = partition == null ? 0 : Integer.parseInt(partition);
    int[] counts = new int[5];
    for (Long dealId : sweep.overdueDeals(size, mine, of)) {
      switch (sweep.expireIfOverdue(dealId)) {
        case EXPIRED -> counts[0]++;
        case WAITING_FOR_BANK -> counts[1]++;
        default -> {}
      }
    }
    Payouts.Reversals returned = payouts.reverseDue(size, mine, of);
    counts[2] = returned.reversed();
    counts[3] = returned.refused();
    counts[4] = returned.later();
    step.setTransientUserData(counts);
    return "COMPLETED";
  }
}

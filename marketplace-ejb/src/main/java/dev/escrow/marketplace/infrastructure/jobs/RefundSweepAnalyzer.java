package dev.escrow.marketplace.infrastructure.jobs;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Adds up the partitions' counts into the expiry step's result, shown on the admin jobs page. */
@Named("refundSweepAnalyzer")
@Dependent
public class RefundSweepAnalyzer extends AbstractPartitionAnalyzer {

  @Inject StepContext step;
  @Inject JobContext job;

  private final int[] total = new int[5];

  @Override
  public void analyzeCollectorData(Serializable data) {
    if (data instanceof int[] counts) {
      for (int i = 0; i < Math.min(counts.length, total.length); i++) {
        total[i] += counts[i];
      }
    }
    String result =
        total[0]
            + " expired, "
            + total[1]
            + " waiting for the bank, "
            + total[2]
            + " reversed, "
            + total[3]
            + " refused, "
            + total[4]
            + " left for the next sweep";
    step.setExitStatus("COMPLETED: " + result);
    job.setTransientUserData(result);
  }
}

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

  private int expired;
  private int waiting;

  @Override
  public void analyzeCollectorData(Serializable data) {
    if (data instanceof int[] counts) {
      expired += counts[0];
      waiting += counts[1];
    }
    String result = expired + " expired, " + waiting + " waiting for the bank";
    step.setExitStatus("COMPLETED: " + result);
    job.setTransientUserData(result);
  }
}

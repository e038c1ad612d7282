package dev.escrow.marketplace.infrastructure.jobs;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Hands a refund-sweep partition's counts (expired, waiting for the bank, reversed, refused, left
 * for the next sweep) to the analyzer.
 */
@Named("refundSweepCollector")
@Dependent
public class RefundSweepCollector implements PartitionCollector {

  @Inject StepContext step;

  @Override
  public Serializable collectPartitionData() {
    return step.getTransientUserData() instanceof int[] counts ? counts.clone() : null;
  }
}

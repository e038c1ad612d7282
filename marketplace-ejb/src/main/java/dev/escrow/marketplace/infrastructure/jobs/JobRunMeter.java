package dev.escrow.marketplace.infrastructure.jobs;

import dev.escrow.marketplace.infrastructure.observability.MarketplaceMeters;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts each run of a job by how it ended. After the last step the job is still STARTED when every
 * step went well (the runtime marks it COMPLETED after its listeners), FAILED when one failed and
 * STOPPING when it was stopped.
 */
@Named("jobRunMeter")
@Dependent
public class JobRunMeter extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(JobRunMeter.class.getName());

  @Inject JobContext job;
  @Inject MarketplaceMeters meters;

  @Override
  public void afterJob() {
    BatchStatus status = job.getBatchStatus();
    String outcome =
        switch (status) {
          case FAILED, ABANDONED -> "failed";
          case STOPPING, STOPPED -> "stopped";
          default -> "completed";
        };
    meters.jobRun(job.getJobName(), outcome);
    // JBeret logs a failed step itself, with its cause.
    LOG.log(
        Level.FINE,
        () ->
            "job "
                + job.getJobName()
                + " execution "
                + job.getExecutionId()
                + " ended: "
                + outcome
                + " ("
                + job.getExitStatus()
                + ")");
  }
}

package dev.escrow.marketplace.infrastructure.jobs;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Starts the marketplace's batch jobs and reads their history (JBeret's JDBC repository on JobsDS:
 * one history for all nodes). A job that is already running, here or on another node, is not
 * started twice: its running execution is returned instead.
 *
 * <p>Outside the caller's transaction: JBeret writes a start to JobsDS on the caller's thread, and
 * a caller that also touches its own domain's datasource (the refund-sweep timer reads the fee
 * cache) would hold two one-phase resources in one transaction, which the transaction manager
 * refuses (ARJUNA012140). A start is its own record in the repository either way.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class Jobs {

  public static final String FEE_REFRESH = "fee-refresh";
  public static final String REFUND_SWEEP = "refund-sweep";
  public static final Set<String> NAMES = Set.of(FEE_REFRESH, REFUND_SWEEP);

  @Inject JobLeases leases;

  /**
   * Starts the job unless a run of it is going on, on this node or on another that shares the job
   * repository ({@link JobLeases}): then that run is returned.
   */
  public synchronized JobExecution start(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("Unknown job " + name);
    }
    JobOperator operator = BatchRuntime.getJobOperator();
    JobLeases.Decision lease = leases.acquire(name);
    if (!lease.acquired()) {
      Optional<Long> running =
          lease.runningExecution() != null
              ? Optional.of(lease.runningExecution())
              : leases.awaitExecution(name, Duration.ofSeconds(10));
      if (running.isPresent()) {
        return operator.getJobExecution(running.get());
      }
      // Another node is still starting it: its last run stands for it meanwhile.
      return recent(20).stream()
          .filter(e -> e.getJobName().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("The job " + name + " is being started"));
    }
    long execution;
    try {
      // The node in the parameters: the shared history tells which node ran what.
      Properties parameters = new Properties();
      parameters.setProperty("node", JobLeases.node());
      execution = operator.start(name, parameters);
    } catch (RuntimeException e) {
      leases.release(name);
      throw e;
    }
    leases.started(name, execution);
    return operator.getJobExecution(execution);
  }

  public Optional<JobExecution> execution(long executionId) {
    try {
      JobExecution execution = BatchRuntime.getJobOperator().getJobExecution(executionId);
      return Optional.ofNullable(execution).filter(e -> NAMES.contains(e.getJobName()));
    } catch (RuntimeException unknown) {
      return Optional.empty();
    }
  }

  /** The newest executions of both jobs, newest first. */
  public List<JobExecution> recent(int max) {
    JobOperator operator = BatchRuntime.getJobOperator();
    List<JobExecution> executions = new ArrayList<>();
    for (String name : NAMES) {
      try {
        operator
            .getJobInstances(name, 0, max)
            .forEach(instance -> executions.addAll(operator.getJobExecutions(instance)));
      } catch (NoSuchJobException neverRan) {
        // nothing yet
      }
    }
    executions.sort(Comparator.comparing(JobExecution::getExecutionId).reversed());
    return executions.size() > max ? executions.subList(0, max) : executions;
  }
}

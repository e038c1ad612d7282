package dev.escrow.marketplace.infrastructure.jobs;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Starts the marketplace's batch jobs and reads their history. A job that is already running is not
 * started twice: its running execution is returned instead.
 */
@ApplicationScoped
public class Jobs {

  public static final String FEE_REFRESH = "fee-refresh";
  public static final String REFUND_SWEEP = "refund-sweep";
  public static final Set<String> NAMES = Set.of(FEE_REFRESH, REFUND_SWEEP);

  public synchronized JobExecution start(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("Unknown job " + name);
    }
    JobOperator operator = BatchRuntime.getJobOperator();
    List<Long> running;
    try {
      running = operator.getRunningExecutions(name);
    } catch (NoSuchJobException neverRan) {
      running = List.of();
    }
    if (!running.isEmpty()) {
      return operator.getJobExecution(running.get(0));
    }
    return operator.getJobExecution(operator.start(name, new Properties()));
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

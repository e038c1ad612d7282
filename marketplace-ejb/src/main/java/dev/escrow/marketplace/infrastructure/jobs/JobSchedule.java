package dev.escrow.marketplace.infrastructure.jobs;

import dev.escrow.marketplace.domain.fee.FeeCache;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When the jobs run by themselves: fee-refresh shortly after start and hourly, and every minute
 * while the fee cache is still empty; refund-sweep every minute. The hourly and the every-minute
 * timers are persistent, in the timer store the nodes share (jobs.cli): each expiry runs on one
 * node of a cluster. The one soon after start is this node's own. The callbacks hold no
 * transaction: each step they call (a job start, the fee cache's check) has its own, on its own
 * datasource. The schedule starts after the module's other start-up beans: a timer that fired while
 * one of them was still starting (or had failed) would start a job whose steps wait for the
 * start-up forever, and the undeployment would wait for the job.
 */
@Singleton
@Startup
@DependsOn({"BankWhereabouts", "AdministratorBootstrap", "DemoMarketplaceSeed"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobSchedule {

  private static final Logger LOG = Logger.getLogger(JobSchedule.class.getName());

  @Inject Jobs jobs;
  @Inject FeeCache fees;
  @Resource TimerService timers;

  @PostConstruct
  void refreshFeesSoonAfterStart() {
    // Not at once: the co-deployed bank may still be starting.
    timers.createSingleActionTimer(15_000, new TimerConfig(Jobs.FEE_REFRESH, false));
  }

  @Timeout
  void once() {
    start(Jobs.FEE_REFRESH);
  }

  @Schedule(minute = "7", hour = "*", persistent = true, info = "hourly fee-refresh")
  void hourlyFeeRefresh() {
    start(Jobs.FEE_REFRESH);
  }

  @Schedule(second = "30", minute = "*", hour = "*", persistent = true, info = "refund-sweep")
  void everyMinuteRefundSweep() {
    start(Jobs.REFUND_SWEEP);
    if (fees.isEmpty()) {
      // The refresh after start found no bank (it may start after the marketplace): until the
      // schedule is copied every inter-bank payment would be quoted without its fee and refused.
      LOG.info("The fee cache is empty: refreshing it from the bank");
      start(Jobs.FEE_REFRESH);
    }
  }

  private void start(String name) {
    try {
      jobs.start(name);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not start the job " + name, e);
    }
  }
}

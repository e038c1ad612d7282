package dev.escrow.marketplace.infrastructure.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When the jobs run by themselves: fee-refresh shortly after start and hourly, refund-sweep every
 * minute.
 */
@Singleton
@Startup
public class JobSchedule {

  private static final Logger LOG = Logger.getLogger(JobSchedule.class.getName());

  @Inject Jobs jobs;
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

  @Schedule(minute = "7", hour = "*", persistent = false)
  void hourlyFeeRefresh() {
    start(Jobs.FEE_REFRESH);
  }

  @Schedule(second = "30", minute = "*", hour = "*", persistent = false)
  void everyMinuteRefundSweep() {
    start(Jobs.REFUND_SWEEP);
  }

  private void start(String name) {
    try {
      jobs.start(name);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not start the job " + name, e);
    }
  }
}

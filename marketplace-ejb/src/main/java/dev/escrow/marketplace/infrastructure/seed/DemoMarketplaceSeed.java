package dev.escrow.marketplace.infrastructure.seed;

import dev.escrow.marketplace.application.DemoMode;
import dev.escrow.marketplace.infrastructure.jobs.Jobs;
import dev.escrow.marketplace.infrastructure.seed.DemoMarketplaceSeeder.Outcome;
import dev.escrow.platform.persistence.BuiltInAccount;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In demo mode only, seeds the marketplace once ({@link DemoMarketplaceSeeder}) without holding up
 * the start: the co-deployed bank may not answer yet, or not have its demo customers yet, so a
 * timer tries again 3 s after each try that could not seed, until the data is there (or was there
 * already), at most 200 times. The demo clients' password is {@code MARKETPLACE_DEMO_PASSWORD},
 * else generated and printed once in the log with the demo logins, as the administrator's is.
 */
@Singleton
@Startup
public class DemoMarketplaceSeed {

  private static final Logger LOG = Logger.getLogger(DemoMarketplaceSeed.class.getName());
  static final long FIRST_TRY_MS = 1_000;
  static final long RETRY_MS = 3_000;
  static final int MAX_TRIES = 200;

  @Inject DemoMode demo;
  @Inject DemoMarketplaceSeeder seeder;
  @Inject Jobs jobs;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "marketplace.demo.password")
  Optional<String> configuredPassword;

  private String generatedPassword;
  private int tries;

  @PostConstruct
  void startTrying() {
    if (!demo.isOn()) {
      return;
    }
    if (configuredPassword.filter(p -> !p.isBlank() && p.strip().length() < 8).isPresent()) {
      LOG.severe(
          "MARKETPLACE_DEMO_PASSWORD is shorter than 8 characters, the least a client's password"
              + " may be: the demo marketplace is not seeded");
      return;
    }
    timers.createSingleActionTimer(FIRST_TRY_MS, new TimerConfig("demo-seed", false));
  }

  /** One try; a try that could not seed asks for the next one (a slow try never overlaps). */
  @Timeout
  void tryOnce() {
    tries++;
    Optional<String> configured = configuredPassword.filter(p -> !p.isBlank());
    String password = configured.orElseGet(this::generated);
    long started = System.nanoTime();
    Outcome outcome;
    try {
      outcome = seeder.seedOnce(password);
    } catch (RuntimeException e) { // e.g. the commit itself failed: the next try sees
      outcome = Outcome.notYet(e.toString());
    }
    switch (outcome.kind()) {
      case SEEDED -> {
        String how =
            configured.isPresent()
                ? "the password from MARKETPLACE_DEMO_PASSWORD"
                : "the generated password "
                    + password
                    + " (shown once; set MARKETPLACE_DEMO_PASSWORD before the first start to"
                    + " choose it)";
        String line =
            String.format(
                "Demo marketplace seed: %s; sellers %s, buyers %s, all with %s; loaded in %d ms",
                outcome.detail(),
                String.join(", ", outcome.sellers()),
                String.join(", ", outcome.buyers()),
                how,
                (System.nanoTime() - started) / 1_000_000);
        if (configured.isPresent()) {
          LOG.info(line);
        } else {
          LOG.warning(line);
        }
        // The bank answers now: fill the fee cache at once, so that the first cross-bank payment
        // quotes the bank's fee (the refresh soon after the start fails while the bank deploys,
        // and the next one is an hour away).
        try {
          jobs.start(Jobs.FEE_REFRESH);
        } catch (RuntimeException e) {
          LOG.warning("Demo marketplace seed: could not start the fee refresh: " + e);
        }
      }
      case ALREADY_THERE -> {
        LOG.info("Demo marketplace data is already there; not seeding again");
      }
      case NOT_YET -> {
        if (tries >= MAX_TRIES) {
          LOG.severe(
              "Demo marketplace seed: gave up after "
                  + tries
                  + " tries; last: "
                  + outcome.detail());
        } else if (tries == 1 || tries % 20 == 0) {
          LOG.info(
              "Demo marketplace seed waits for the bank (try "
                  + tries
                  + ", again every "
                  + RETRY_MS / 1000
                  + " s): "
                  + outcome.detail());
        }
        if (tries < MAX_TRIES) {
          timers.createSingleActionTimer(RETRY_MS, new TimerConfig("demo-seed", false));
        }
      }
    }
  }

  private String generated() {
    if (generatedPassword == null) {
      generatedPassword = BuiltInAccount.randomPassword();
    }
    return generatedPassword;
  }
}

package dev.escrow.bank.infrastructure.seed;

import dev.escrow.bank.application.DemoMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** On start in demo mode, asks for the demo data in the background (boot is not held up). */
@Singleton
@Startup
public class DemoSeed {

  @Inject DemoMode demo;
  @Inject DemoSeeder seeder;

  /** Only so that the bank's schema (Flyway, run by the persistence unit) exists first. */
  @PersistenceContext(unitName = "bank")
  EntityManager em;

  @PostConstruct
  void seedInBackground() {
    if (demo.isOn()) {
      seeder.seedOnce();
    }
  }
}

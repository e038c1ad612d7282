package dev.escrow.bank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Demo mode (DEMO_MODE): seed data, the demo outbox, mail failures only logged. */
@ApplicationScoped
public class DemoMode {

  @Inject
  @ConfigProperty(name = "demo.mode", defaultValue = "false")
  boolean on;

  public boolean isOn() {
    return on;
  }
}

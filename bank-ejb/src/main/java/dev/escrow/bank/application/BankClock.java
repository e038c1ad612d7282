package dev.escrow.bank.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The bank's "now", to the microsecond (what the databases keep). */
@ApplicationScoped
public class BankClock {

  public Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}

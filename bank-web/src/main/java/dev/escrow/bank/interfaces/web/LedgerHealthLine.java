package dev.escrow.bank.interfaces.web;

import dev.escrow.platform.health.LedgerAuditHealth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The back office's line on the ledger: the last audit's result, as the health check has it. */
@Named
@RequestScoped
public class LedgerHealthLine {

  @Inject LedgerAuditHealth health;

  public boolean isUp() {
    return health.up();
  }

  public String getText() {
    return health.summary();
  }
}

package dev.escrow.bank.application;

import dev.escrow.bank.application.Views.AuditView;
import dev.escrow.bank.domain.ledger.Ledger;
import dev.escrow.bank.infrastructure.observability.BankMeters;
import dev.escrow.platform.money.Money;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The audit equation: money in (deposits) = money on accounts (balances) + money held for open
 * operations (held) + fees earned. Read in one transaction. Its result is the gauge {@code
 * bank.audit.consistent}; it runs when asked for and every five minutes.
 */
@Stateless
public class AuditService {

  private static final Logger LOG = Logger.getLogger(AuditService.class.getName());

  @Inject Ledger ledger;
  @Inject BankMeters meters;

  public AuditView audit() {
    var figures = ledger.auditFigures();
    Money deposits = figures.get(0);
    Money balances = figures.get(1);
    Money held = figures.get(2);
    Money fees = figures.get(3);
    boolean consistent = deposits.equals(balances.plus(held).plus(fees));
    meters.audited(consistent);
    return new AuditView(
        deposits.toString(), balances.toString(), held.toString(), fees.toString(), consistent);
  }

  /** Keeps the gauge current without anyone asking (cheap: four sums). */
  @Schedule(minute = "*/5", hour = "*", persistent = false)
  void periodically() {
    AuditView result = audit();
    if (!result.consistent()) {
      LOG.severe(
          "audit inconsistent: deposits="
              + result.deposits()
              + " balances="
              + result.balances()
              + " held="
              + result.held()
              + " fees="
              + result.fees());
    }
  }
}

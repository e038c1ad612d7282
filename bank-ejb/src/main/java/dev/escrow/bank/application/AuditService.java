package dev.escrow.bank.application;

import dev.escrow.bank.application.Views.AuditView;
import dev.escrow.bank.domain.ledger.Ledger;
import dev.escrow.platform.money.Money;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The audit equation: money in (deposits) = money on accounts (balances) + money held for open
 * operations (held) + fees earned. Read in one transaction.
 */
@Stateless
public class AuditService {

  @Inject Ledger ledger;

  public AuditView audit() {
    var figures = ledger.auditFigures();
    Money deposits = figures.get(0);
    Money balances = figures.get(1);
    Money held = figures.get(2);
    Money fees = figures.get(3);
    boolean consistent = deposits.equals(balances.plus(held).plus(fees));
    return new AuditView(
        deposits.toString(), balances.toString(), held.toString(), fees.toString(), consistent);
  }
}

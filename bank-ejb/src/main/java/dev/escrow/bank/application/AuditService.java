package dev.escrow.bank.application;

import dev.escrow.bank.application.Views.AccountDisagreementView;
import dev.escrow.bank.application.Views.AuditView;
import dev.escrow.bank.application.Views.FeeIncomeDisagreementView;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.bank.BankRepository;
import dev.escrow.bank.domain.ledger.Ledger;
import dev.escrow.platform.health.LedgerAuditHealth;
import dev.escrow.platform.money.Money;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Reconciles the books with the ledger: the equation money in (deposits) = money on accounts
 * (balances) + money held for open operations (held) + fees earned, and every account's balance and
 * held and every part of a bank's fee income against the sum of its own rows. Runs when asked for
 * and every five minutes; each result is the gauge {@code bank.audit.consistent} and the readiness
 * check {@code bank-ledger}.
 */
@Stateless
public class AuditService {

  private static final Logger LOG = Logger.getLogger(AuditService.class.getName());

  @Inject Ledger ledger;
  @Inject BankRepository banks;
  @Inject AuditMeter meters;
  @Inject LedgerAuditHealth health;
  @Inject Clock clock;

  public AuditView audit() {
    String at = clock.instant().toString();
    var figures = ledger.auditFigures();
    Money deposits = figures.get(0);
    Money balances = figures.get(1);
    Money held = figures.get(2);
    Money fees = figures.get(3);
    boolean equationHolds = deposits.equals(balances.plus(held).plus(fees));
    var accounts = ledger.accountsThatDisagree();
    var feeParts = ledger.feeIncomeThatDisagrees();
    Map<Long, String> requisites =
        banks.all().stream().collect(Collectors.toMap(Bank::id, Bank::requisite));
    boolean consistent = equationHolds && accounts.count() == 0 && feeParts.count() == 0;
    meters.audited(consistent);
    health.audited(equationHolds, accounts.count(), feeParts.count(), at);
    return new AuditView(
        deposits.toString(),
        balances.toString(),
        held.toString(),
        fees.toString(),
        consistent,
        equationHolds,
        accounts.count(),
        accounts.named().stream()
            .map(
                a ->
                    new AccountDisagreementView(
                        a.number(),
                        a.balance().toString(),
                        a.ledgerBalance().toString(),
                        a.held().toString(),
                        a.ledgerHeld().toString()))
            .toList(),
        feeParts.count(),
        feeParts.named().stream()
            .map(
                f ->
                    new FeeIncomeDisagreementView(
                        requisites.getOrDefault(f.bankId(), String.valueOf(f.bankId())),
                        f.part(),
                        f.amount().toString(),
                        f.ledgerAmount().toString()))
            .toList(),
        at);
  }

  /**
   * Keeps the gauge and the health check current without anyone asking: on every node of a cluster
   * (each node's readiness and gauge are its own; the audit only reads), so not persistent.
   */
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
              + result.fees()
              + " accounts disagreeing="
              + result.accountsDisagreeing()
              + " "
              + result.accounts()
              + " fee income parts disagreeing="
              + result.feeIncomeDisagreeing()
              + " "
              + result.feeIncome());
    }
  }
}

package dev.escrow.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The bank's last audit as a readiness check, {@code bank-ledger}: DOWN while any account or fee
 * bucket disagrees with its ledger rows or the audit equation fails. The bank reports each audit
 * here (it runs on a schedule and on demand; the check itself reads nothing, so a probe costs no
 * query). Before the first audit nothing is known to disagree: UP, {@code audited: false}. Here and
 * not in the bank's module because WildFly registers health checks of the top-level deployment only
 * (see {@link dev.escrow.platform.health.Readiness}).
 */
@ApplicationScoped
public class LedgerAuditHealth {

  private volatile HealthCheckResponse last =
      HealthCheckResponse.named("bank-ledger").up().withData("audited", false).build();

  /** The result of an audit that has just run. */
  public void audited(
      boolean equationHolds, int accountsDisagreeing, int feeIncomeDisagreeing, String at) {
    last =
        HealthCheckResponse.named("bank-ledger")
            .status(equationHolds && accountsDisagreeing == 0 && feeIncomeDisagreeing == 0)
            .withData("audited", true)
            .withData("auditedAt", at)
            .withData("equationHolds", equationHolds)
            .withData("accountsDisagreeing", accountsDisagreeing)
            .withData("feeIncomeDisagreeing", feeIncomeDisagreeing)
            .build();
  }

  /** Whether the last audit found the books in order (true before the first one). */
  public boolean up() {
    return last.getStatus() == HealthCheckResponse.Status.UP;
  }

  /** One line for the operator: what the last audit found and when. */
  public String summary() {
    var data = last.getData().orElseThrow();
    if (!Boolean.TRUE.equals(data.get("audited"))) {
      return "not audited since the start";
    }
    String when = " (audit of " + data.get("auditedAt") + ")";
    if (up()) {
      return "every account and fee bucket agrees with its ledger rows" + when;
    }
    return data.get("accountsDisagreeing")
        + " account(s) and "
        + data.get("feeIncomeDisagreeing")
        + " fee income part(s) disagree with their ledger rows"
        + (Boolean.TRUE.equals(data.get("equationHolds")) ? "" : "; the audit equation fails")
        + when;
  }

  @Produces
  @Readiness
  HealthCheck bankLedger() {
    return () -> last;
  }
}

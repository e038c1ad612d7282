package dev.escrow.bank.infrastructure.observability;

import static jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS;

import dev.escrow.bank.application.MoneyMoved.OperationReversed;
import dev.escrow.bank.application.MoneyMoved.OperationSettled;
import dev.escrow.bank.application.MoneyMoved.TransferCarriedOut;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * One INFO line for each movement of money at the bank, once its transaction has committed, with
 * the transfer id and operation key the marketplace's lines name too; the same events move the
 * meters. Category {@value #CATEGORY}, {@code key=value}.
 */
@ApplicationScoped
public class MoneyLog {

  public static final String CATEGORY = "dev.escrow.bank.money";

  private static final Logger LOG = Logger.getLogger(CATEGORY);

  @Inject BankMeters meters;

  void transfer(@Observes(during = AFTER_SUCCESS) TransferCarriedOut t) {
    LOG.info(
        (t.completed() ? "transfer completed" : "transfer failed")
            + ": transfer="
            + t.transferId()
            + " operation="
            + t.operationKey()
            + " payer="
            + t.payerAccount()
            + " payee="
            + t.payeeAccount()
            + " amount="
            + t.amount()
            + " fee="
            + t.fee()
            + (t.completed() ? "" : " reason=\"" + t.failureReason() + "\""));
    meters.transfer(t.completed());
  }

  void settled(@Observes(during = AFTER_SUCCESS) OperationSettled s) {
    LOG.info(
        "operation settled: operation="
            + s.operationKey()
            + " transfers="
            + s.transfers()
            + " held="
            + s.held()
            + " commission="
            + s.commission()
            + " toPayees="
            + s.held().minus(s.commission())
            + " commissionAccount="
            + s.commissionAccount());
    meters.operation("settled");
  }

  void reversed(@Observes(during = AFTER_SUCCESS) OperationReversed r) {
    LOG.info(
        "operation reversed: operation="
            + r.operationKey()
            + " transfers="
            + r.transfers()
            + " returned="
            + r.returned());
    meters.operation("reversed");
  }
}

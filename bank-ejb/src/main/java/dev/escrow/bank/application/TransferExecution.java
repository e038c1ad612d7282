package dev.escrow.bank.application;

import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.account.AccountRepository;
import dev.escrow.bank.domain.fee.FeeIncome;
import dev.escrow.bank.domain.fee.FeeSchedule;
import dev.escrow.bank.domain.ledger.Ledger;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.bank.domain.transfer.TransferRepository;
import dev.escrow.bank.domain.transfer.TransferStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Carries out one accepted transfer, in one transaction: locks (in the bank's fixed order:
 * operation, transfer, accounts by id, fee income) then debits the payer amount and fee, holds the
 * amount for the payee and gives the fee to the payer's bank, or fails the transfer with nothing
 * moved. A transfer already final is left alone, so a redelivered message does nothing. The partner
 * is owed a callback in the same transaction.
 */
@Stateless
public class TransferExecution {

  private static final Logger LOG = Logger.getLogger(TransferExecution.class.getName());

  @Inject TransferRepository transfers;
  @Inject AccountRepository accounts;
  @Inject FeeSchedule fees;
  @Inject Ledger ledger;
  @Inject BankClock clock;
  @Inject Event<MoneyMoved> moneyMoved;
  @Inject PartnerCallbacks callbacks;

  /** One attempt, in a transaction of its own: a failure leaves the message to be redelivered. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void carryOut(long transferId) {
    Transfer found = transfers.byId(transferId).orElse(null);
    if (found == null) {
      LOG.warning("Transfer " + transferId + " is unknown; its message is dropped");
      return;
    }
    transfers.lockOperation(found.operation().id());
    Transfer transfer = transfers.lock(transferId);
    if (transfer.status().isFinal()) {
      return;
    }
    Map<Long, Account> locked =
        accounts.lockInOrder(List.of(transfer.payer().id(), transfer.payee().id()));
    Account payer = locked.get(transfer.payer().id());
    Account payee = locked.get(transfer.payee().id());
    FeeIncome income =
        transfer.fee().isPositive() && payer.canPay(transfer.total())
            ? fees.lockIncome(payer.bank().id(), transfer.id())
            : null;
    transfer.carryOut(payer, payee, income, clock.now()).ifPresent(ledger::post);
    callbacks.transferEnded(transfer);
    moneyMoved.fire(carriedOut(transfer));
  }

  /**
   * The last delivery of the transfer's message failed too: the transfer is FAILED with nothing
   * moved (rather than stuck ACCEPTED, which would block its operation for ever).
   */
  public void giveUp(long transferId, String reason) {
    Transfer found = transfers.byId(transferId).orElse(null);
    if (found == null) {
      return;
    }
    transfers.lockOperation(found.operation().id());
    Transfer transfer = transfers.lock(transferId);
    if (!transfer.status().isFinal()) {
      transfer.fail(reason, clock.now());
      LOG.severe("Transfer " + transfer.publicId() + " failed for good: " + reason);
      callbacks.transferEnded(transfer);
      moneyMoved.fire(carriedOut(transfer));
    }
  }

  private static MoneyMoved.TransferCarriedOut carriedOut(Transfer transfer) {
    return new MoneyMoved.TransferCarriedOut(
        transfer.publicId(),
        transfer.operation().key(),
        transfer.payer().number(),
        transfer.payee().number(),
        transfer.amount(),
        transfer.fee(),
        transfer.status() == TransferStatus.COMPLETED,
        transfer.failureReason());
  }
}

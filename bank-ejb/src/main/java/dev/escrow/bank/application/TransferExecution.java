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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
  @Inject Clock clock;
  @Inject Event<MoneyMoved> moneyMoved;
  @Inject PartnerCallbacks callbacks;

  /** How many transfers one batch carries out at most. */
  public static final int BATCH = 100;

  @Inject SettingsService settings;

  /**
   * Carries out, in one transaction, up to {@link #BATCH} due ACCEPTED transfers, {@code triggerId}
   * among them if it still is: the wake-up says "there is work", not "this one only". Locks in the
   * bank's fixed order, as {@link #carryOut} does one at a time: the trigger's operation (waited
   * for), the other operations (those another transaction holds are left out: {@code SKIP LOCKED},
   * so two consumers or two servers take disjoint work), their ACCEPTED transfers (claimed {@code
   * SKIP LOCKED}), every account of the batch in id order, every fee income part in (bank, part)
   * order. A transfer the payer cannot pay fails alone; the others go on. Rows are written at the
   * end by JDBC batches (sequence ids). Answers the transfer ids carried out (completed or failed)
   * and, when more were due than one batch takes, one of those left for another wake-up.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Batch carryOutDue(long triggerId) {
    Instant now = clock.instant();
    List<Long[]> due =
        transfers.dueForExecution(
            now.minusSeconds(settings.processingDelaySeconds()), triggerId, BATCH);
    if (due.isEmpty()) {
      return Batch.NONE;
    }
    Set<Long> operationIds = new TreeSet<>();
    Long triggerOperation = null;
    for (Long[] row : due) {
      operationIds.add(row[1]);
      if (row[0] == triggerId) {
        triggerOperation = row[1];
      }
    }
    Set<Long> lockedOperations = new HashSet<>();
    if (triggerOperation != null) {
      transfers.lockOperation(triggerOperation);
      lockedOperations.add(triggerOperation);
      operationIds.remove(triggerOperation);
    }
    transfers.lockOperationsUnlessHeld(operationIds).forEach(o -> lockedOperations.add(o.id()));
    List<Long> candidates =
        due.stream().filter(r -> lockedOperations.contains(r[1])).map(r -> r[0]).toList();
    List<Transfer> claimed = transfers.claimAccepted(candidates);
    if (claimed.isEmpty()) {
      // All held by other batches: those carry on where they stop.
      return Batch.NONE;
    }
    Map<Long, Long[]> rows = new HashMap<>();
    due.forEach(r -> rows.put(r[0], r));
    Set<Long> accountIds = new TreeSet<>();
    for (Transfer t : claimed) {
      // From the rows, not t.payer().id(): that would load the account before its lock.
      Long[] row = rows.get(t.id());
      accountIds.add(row[2]);
      accountIds.add(row[3]);
    }
    Map<Long, Account> locked = accounts.lockAll(accountIds);
    Map<Long, Long> feePayerBanks = new TreeMap<>();
    for (Transfer t : claimed) {
      if (t.fee().isPositive()) {
        feePayerBanks.put(t.id(), locked.get(t.payer().id()).bank().id());
      }
    }
    Map<String, FeeIncome> incomes = fees.lockIncomes(feePayerBanks);
    List<Long> done = new ArrayList<>(claimed.size());
    for (Transfer transfer : claimed) {
      Account payer = locked.get(transfer.payer().id());
      Account payee = locked.get(transfer.payee().id());
      FeeIncome income =
          transfer.fee().isPositive()
              ? incomes.get(FeeSchedule.partKey(payer.bank().id(), transfer.id()))
              : null;
      transfer.carryOut(payer, payee, income, now).ifPresent(ledger::post);
      moneyMoved.fire(carriedOut(transfer));
      done.add(transfer.id());
    }
    callbacks.transfersEnded(claimed);
    return new Batch(done, due.size() == BATCH ? due.get(BATCH - 1)[0] : null);
  }

  /**
   * What one batch came to: the transfers it carried out, and a transfer of the due ones beyond its
   * reach (it took the {@link #BATCH} oldest), to wake the consumer with again; null when it took
   * all that was due.
   */
  public record Batch(List<Long> carriedOut, Long moreDue) {
    static final Batch NONE = new Batch(List.of(), null);
  }

  /**
   * The due transfers a batch would take, read without locks: what the consumer carries out one by
   * one when the batch failed, so that one transfer that cannot be carried out does not hold the
   * others back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> dueIds(long triggerId) {
    return transfers
        .dueForExecution(
            clock.instant().minusSeconds(settings.processingDelaySeconds()), triggerId, BATCH)
        .stream()
        .map(r -> r[0])
        .toList();
  }

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
    transfer.carryOut(payer, payee, income, clock.instant()).ifPresent(ledger::post);
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
      transfer.fail(reason, clock.instant());
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

package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.SettlementRequest;
import dev.escrow.bank.application.Views.OperationView;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.account.AccountRepository;
import dev.escrow.bank.domain.fee.FeeIncome;
import dev.escrow.bank.domain.fee.FeeSchedule;
import dev.escrow.bank.domain.ledger.Ledger;
import dev.escrow.bank.domain.ledger.LedgerEntry;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.bank.domain.transfer.Operation;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.bank.domain.transfer.TransferRepository;
import dev.escrow.bank.domain.transfer.TransferStatus;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.problem.ConflictException;
import dev.escrow.platform.problem.InvalidInputException;
import dev.escrow.platform.problem.NoConnection;
import dev.escrow.platform.problem.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The partner ends an operation: settles it (the payees' held money becomes theirs, less the
 * commission, which goes to the commission account) or reverses it (every completed transfer goes
 * back to its payer, fee included). Each is idempotent, refused once the other happened or while a
 * transfer is still queued; failed transfers are ignored by both.
 */
@Stateless
public class OperationService {

  private static final Logger LOG = Logger.getLogger(OperationService.class.getName());

  @Resource SessionContext context;

  @Inject TransferRepository transfers;
  @Inject AccountRepository accounts;
  @Inject ApiClientRepository clients;
  @Inject FeeSchedule fees;
  @Inject Ledger ledger;
  @Inject Clock clock;
  @Inject Event<MoneyMoved> moneyMoved;
  @Inject PartnerCallbacks callbacks;

  public OperationView operation(long partnerId, String key) {
    Operation operation = find(partnerId, key);
    return OperationView.of(operation, transfers.ofOperation(operation));
  }

  public OperationView settle(
      long partnerId, String key, @NotNull @Valid SettlementRequest request) {
    Operation operation = transfers.lock(find(partnerId, key));
    List<Transfer> all = transfers.ofOperation(operation);
    if (!operation.needsSettlement(all)) {
      return OperationView.of(operation, all);
    }
    Money commission = Money.of(request.commissionAmount());
    Money held = operation.held(all);
    if (commission.isGreaterThan(held)) {
      throw new ConflictException(
          "The commission " + commission + " is more than the money held, " + held);
    }
    Account commissionAccount = null;
    List<Long> toLock = new ArrayList<>();
    completed(all).forEach(t -> toLock.add(t.payee().id()));
    if (commission.isPositive()) {
      if (request.commissionAccount() == null) {
        throw new InvalidInputException("commissionAccount", "is required with a commission");
      }
      commissionAccount =
          accounts
              .byNumber(request.commissionAccount())
              .orElseThrow(() -> new NotFoundException("No such commission account"));
      toLock.add(commissionAccount.id());
    }
    Map<Long, Account> locked = accounts.lockInOrder(toLock);
    operation
        .settle(all, locked, commission, commissionAccount, clock.instant())
        .ifPresent(ledger::post);
    moneyMoved.fire(
        new MoneyMoved.OperationSettled(
            operation.key(),
            completed(all).size(),
            held,
            commission,
            commissionAccount == null ? null : commissionAccount.number()));
    return OperationView.of(operation, all);
  }

  /**
   * A partner's batch of reversals, first in one transaction ({@link #reverseAll}); when that fails
   * as a whole (a deadlock with another transaction, a lock timeout), each operation alone, as its
   * single endpoint. No connection to be had is not retried (503). Answers in request order.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Reversal> reverseBatch(long partnerId, List<String> keys) {
    OperationService self = context.getBusinessObject(OperationService.class);
    try {
      return self.reverseAll(partnerId, keys);
    } catch (EJBException batchFailed) {
      if (NoConnection.in(batchFailed)) {
        throw batchFailed;
      }
      LOG.fine("Reversals carried out one by one, the batch failed: " + batchFailed);
    }
    List<Reversal> each = new ArrayList<>(keys.size());
    for (String key : keys) {
      try {
        each.add(new Reversal(self.reverse(partnerId, key), null));
      } catch (RuntimeException refused) {
        each.add(new Reversal(null, refused));
      }
    }
    return each;
  }

  public OperationView reverse(long partnerId, String key) {
    Reversal one = reverseAll(partnerId, List.of(key)).get(0);
    if (one.refusal() != null) {
      throw one.refusal();
    }
    return one.operation();
  }

  /** What the reversal of one operation of a batch came to: the operation, or its refusal. */
  public record Reversal(OperationView operation, RuntimeException refusal) {}

  /**
   * Reverses these operations in one transaction, each as {@link #reverse} does: every completed
   * transfer goes back to its payer, fee included. An operation refused (unknown: 404; settled or
   * with a transfer still queued: 409) is answered so and changes nothing; the others go on. All is
   * read and locked before anything is written, in the bank's order: the operations by id, then
   * every account of theirs by id, then the fee income parts by bank and part (one statement); the
   * rows go out in JDBC batches at the commit, and their callbacks together.
   */
  public List<Reversal> reverseAll(long partnerId, List<String> keys) {
    Reversal[] answers = new Reversal[keys.size()];
    TreeMap<Long, Integer> byId = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      try {
        byId.put(find(partnerId, keys.get(i)).id(), i);
      } catch (NotFoundException unknown) {
        answers[i] = new Reversal(null, unknown);
      }
    }
    Map<Integer, Operation> toReverse = new TreeMap<>();
    Map<Integer, List<Transfer>> transfersOf = new TreeMap<>();
    Map<Integer, List<Transfer>> returnedOf = new TreeMap<>();
    List<Transfer> completed = new ArrayList<>();
    Map<Long, List<LedgerEntry>> originals = new TreeMap<>();
    byId.forEach(
        (id, i) -> {
          Operation operation = transfers.lockOperation(id);
          List<Transfer> all = transfers.ofOperation(operation);
          try {
            if (!operation.needsReversal(all)) {
              answers[i] = new Reversal(OperationView.of(operation, all), null);
              return;
            }
          } catch (ConflictException refused) {
            answers[i] = new Reversal(null, refused);
            return;
          }
          toReverse.put(i, operation);
          transfersOf.put(i, all);
          returnedOf.put(i, completed(all));
          for (Transfer t : completed(all)) {
            completed.add(t);
            originals.put(t.id(), ledger.originalRowsOf(t.id()));
          }
        });
    List<Long> accountIds = new ArrayList<>();
    for (Transfer t : completed) {
      accountIds.add(t.payer().id());
      accountIds.add(t.payee().id());
    }
    // One by one, re-read under the lock: loading the transfers loaded their accounts unlocked.
    Map<Long, Account> locked = accounts.lockInOrder(accountIds);
    Map<Long, Long> feePayerBanks = new TreeMap<>();
    for (Transfer t : completed) {
      if (t.fee().isPositive()) {
        feePayerBanks.put(t.id(), locked.get(t.payer().id()).bank().id());
      }
    }
    Map<String, FeeIncome> incomes = fees.lockIncomes(feePayerBanks);
    Instant now = clock.instant();
    for (Transfer t : completed) {
      Account payer = locked.get(t.payer().id());
      Account payee = locked.get(t.payee().id());
      FeeIncome income =
          t.fee().isPositive() ? incomes.get(FeeSchedule.partKey(payer.bank().id(), t.id())) : null;
      ledger.post(t.reverse(payer, payee, income, originals.get(t.id()), now));
    }
    callbacks.transfersEnded(completed);
    toReverse.forEach(
        (i, operation) -> {
          List<Transfer> all = transfersOf.get(i);
          List<Transfer> returned = returnedOf.get(i);
          operation.reverse(all, now);
          moneyMoved.fire(
              new MoneyMoved.OperationReversed(
                  operation.key(),
                  returned.size(),
                  returned.stream().map(Transfer::total).reduce(Money.ZERO, Money::plus)));
          answers[i] = new Reversal(OperationView.of(operation, all), null);
        });
    return List.of(answers);
  }

  private static List<Transfer> completed(List<Transfer> all) {
    return all.stream().filter(t -> t.status() == TransferStatus.COMPLETED).toList();
  }

  private Operation find(long partnerId, String key) {
    return transfers
        .operationByKey(clients.byId(partnerId), key)
        .orElseThrow(() -> new NotFoundException("No such operation"));
  }
}

package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.SettlementRequest;
import dev.escrow.bank.application.Views.OperationView;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.account.AccountRepository;
import dev.escrow.bank.domain.fee.FeeSchedule;
import dev.escrow.bank.domain.ledger.Ledger;
import dev.escrow.bank.domain.ledger.LedgerEntry;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.bank.domain.transfer.Operation;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.bank.domain.transfer.TransferRepository;
import dev.escrow.bank.domain.transfer.TransferStatus;
import dev.escrow.platform.money.Money;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The partner ends an operation: settles it (the payees' held money becomes theirs, less the
 * commission, which goes to the commission account) or reverses it (every completed transfer goes
 * back to its payer, fee included). Each is idempotent, refused once the other happened or while a
 * transfer is still queued; failed transfers are ignored by both.
 */
@Stateless
public class OperationService {

  @Inject TransferRepository transfers;
  @Inject AccountRepository accounts;
  @Inject ApiClientRepository clients;
  @Inject FeeSchedule fees;
  @Inject Ledger ledger;
  @Inject BankClock clock;

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
    List<Transfer> completed = completed(all);
    completed.forEach(t -> toLock.add(t.payee().id()));
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
    Map<Long, Money> heldByPayee = new LinkedHashMap<>();
    for (Transfer t : completed) {
      heldByPayee.merge(t.payee().id(), t.amount(), Money::plus);
    }
    Instant now = clock.now();
    Money commissionLeft = commission;
    for (Map.Entry<Long, Money> entry : heldByPayee.entrySet()) {
      Account payee = locked.get(entry.getKey());
      Money amount = entry.getValue();
      payee.releaseHold(amount);
      ledger.record(LedgerEntry.settlementRelease(operation, payee, amount, now));
      Money taken = commissionLeft.min(amount);
      commissionLeft = commissionLeft.minus(taken);
      Money paid = amount.minus(taken);
      if (paid.isPositive()) {
        payee.credit(paid);
        ledger.record(LedgerEntry.settlementCredit(operation, payee, paid, now));
      }
    }
    if (commission.isPositive()) {
      Account to = locked.get(commissionAccount.id());
      to.credit(commission);
      ledger.record(LedgerEntry.commission(operation, to, commission, now));
    }
    operation.settled(commission, commissionAccount, now);
    return OperationView.of(operation, all);
  }

  public OperationView reverse(long partnerId, String key) {
    Operation operation = transfers.lock(find(partnerId, key));
    List<Transfer> all = transfers.ofOperation(operation);
    if (!operation.needsReversal(all)) {
      return OperationView.of(operation, all);
    }
    List<Transfer> completed = completed(all);
    List<Long> toLock = new ArrayList<>();
    for (Transfer t : completed) {
      toLock.add(t.payer().id());
      toLock.add(t.payee().id());
    }
    Map<Long, Account> locked = accounts.lockInOrder(toLock);
    TreeSet<Long> feeBanks = new TreeSet<>();
    for (Transfer t : completed) {
      if (t.fee().isPositive()) {
        feeBanks.add(locked.get(t.payer().id()).bank().id());
      }
    }
    var incomes = new LinkedHashMap<Long, dev.escrow.bank.domain.fee.FeeIncome>();
    for (Long bankId : feeBanks) {
      incomes.put(bankId, fees.lockIncome(bankId));
    }
    Instant now = clock.now();
    for (Transfer t : completed) {
      Account payer = locked.get(t.payer().id());
      Account payee = locked.get(t.payee().id());
      payee.releaseHold(t.amount());
      payer.credit(t.total());
      if (t.fee().isPositive()) {
        incomes.get(payer.bank().id()).refund(t.fee());
      }
      for (LedgerEntry row : ledger.originalRowsOf(t)) {
        ledger.record(row.reversal(now));
      }
      t.reverse(now);
    }
    operation.reversed(now);
    return OperationView.of(operation, all);
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

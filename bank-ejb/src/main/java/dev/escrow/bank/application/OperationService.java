package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.SettlementRequest;
import dev.escrow.bank.application.Views.OperationView;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.account.AccountRepository;
import dev.escrow.bank.domain.fee.FeeIncome;
import dev.escrow.bank.domain.fee.FeeSchedule;
import dev.escrow.bank.domain.ledger.Ledger;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.bank.domain.transfer.Operation;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.bank.domain.transfer.TransferRepository;
import dev.escrow.bank.domain.transfer.TransferStatus;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.problem.ConflictException;
import dev.escrow.platform.problem.InvalidInputException;
import dev.escrow.platform.problem.NotFoundException;
import jakarta.ejb.Stateless;
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
    // The fee income parts the fees go back from, locked in the bank's order: bank, then part.
    TreeMap<IncomePart, FeeIncome> incomes = new TreeMap<>();
    for (Transfer t : completed) {
      if (t.fee().isPositive()) {
        incomes.put(IncomePart.of(locked.get(t.payer().id()).bank().id(), t.id()), null);
      }
    }
    incomes.replaceAll((part, none) -> fees.lockIncome(part.bankId(), part.transferId()));
    Instant now = clock.instant();
    for (Transfer t : completed) {
      Account payer = locked.get(t.payer().id());
      Account payee = locked.get(t.payee().id());
      ledger.post(
          t.reverse(
              payer,
              payee,
              incomes.get(IncomePart.of(payer.bank().id(), t.id())),
              ledger.originalRowsOf(t.id()),
              now));
    }
    callbacks.transfersEnded(completed);
    operation.reverse(all, now);
    moneyMoved.fire(
        new MoneyMoved.OperationReversed(
            operation.key(),
            completed.size(),
            completed.stream().map(Transfer::total).reduce(Money.ZERO, Money::plus)));
    return OperationView.of(operation, all);
  }

  /** A part of a bank's fee income, named by a transfer whose fee is in it; ordered for locking. */
  private record IncomePart(long bankId, int part, long transferId)
      implements Comparable<IncomePart> {
    static IncomePart of(long bankId, long transferId) {
      return new IncomePart(bankId, FeeIncome.partOf(transferId), transferId);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof IncomePart p && p.bankId == bankId && p.part == part;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(bankId) * 31 + part;
    }

    @Override
    public int compareTo(IncomePart other) {
      int byBank = Long.compare(bankId, other.bankId);
      return byBank != 0 ? byBank : Integer.compare(part, other.part);
    }
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

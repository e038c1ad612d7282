package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.TransferItem;
import dev.escrow.bank.application.Requests.TransferRequest;
import dev.escrow.bank.application.Views.TransferView;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.account.AccountRepository;
import dev.escrow.bank.domain.authorization.Authorization;
import dev.escrow.bank.domain.authorization.AuthorizationRepository;
import dev.escrow.bank.domain.authorization.AuthorizationStatus;
import dev.escrow.bank.domain.authorization.Verification;
import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.bank.domain.transfer.Operation;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.bank.domain.transfer.TransferRepository;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.problem.ConflictException;
import dev.escrow.platform.problem.NoConnection;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Accepts a transfer that a payment code confirms (verified before, or brought with the transfer
 * and checked here), in one local transaction: the code is used up and the transfer joins its
 * group's operation, ACCEPTED. That row is the durable record; the consumer's wake-up leaves once
 * it has committed ({@link TransferAccepted}), and the re-drive finds a transfer whose wake-up was
 * lost.
 */
@Stateless
public class TransferAcceptance {

  @Inject AuthorizationRepository authorizations;
  @Inject AccountRepository accounts;
  @Inject TransferRepository transfers;
  @Inject ApiClientRepository clients;
  @Inject OperationGroups groups;
  @Inject SettingsService settings;
  @Inject Event<TransferAccepted> accepted;
  @Inject Clock clock;

  /** One transfer in a transaction of its own, its group's operation opened in another. */
  public TransferView accept(long partnerId, String idempotencyKey, TransferRequest request) {
    ApiClient partner = clients.byId(partnerId);
    Outcome outcome =
        acceptOne(
            partner, idempotencyKey, request, group -> transfers.lock(operationOf(partner, group)));
    if (outcome.repeat() != null) {
      return TransferView.of(outcome.repeat());
    }
    Transfer transfer = outcome.accepted();
    long id = transferIdOf(transfer);
    accepted.fire(new TransferAccepted(id, settings.processingDelaySeconds()));
    return TransferView.of(transfer);
  }

  /**
   * Accepts a partner's batch in this one transaction (its inserts go out in JDBC batches at
   * commit): an item refused ({@link ConflictException}: its checks come before it writes anything)
   * is answered with its refusal and the others go on. Anything else, including a race lost when
   * the rows are written (two first transfers of one group, one key sent twice at once: {@link
   * BatchConflict}), rolls the whole batch back; the caller then accepts the items one by one
   * ({@link TransferService#submitAll}), where each such race has its answer. Items are taken in
   * the order of their operations' ids (new groups last), the order in which every transaction that
   * locks several operations takes them; the answers are in request order. The consumer is woken
   * once, after the commit, naming the last transfer accepted: the others are due when it is, and
   * one wake-up carries out up to {@link TransferExecution#BATCH} due transfers.
   */
  public List<Attempt> acceptAll(long partnerId, List<TransferItem> items) {
    ApiClient partner = clients.byId(partnerId);
    // Read-your-writes inside the batch goes through the maps below, not the database: the rows
    // are written once, at the end, in JDBC batches.
    transfers.flushAtCommit();
    // The groups' operations that exist, read unlocked; each is locked (re-read) at its first item.
    Map<String, Operation> existing =
        transfers.operationsByGroup(
            partner, items.stream().map(i -> i.request().groupReference()).toList());
    Map<String, Operation> operations = new HashMap<>();
    Attempt[] attempts = new Attempt[items.size()];
    Integer[] order = new Integer[items.size()];
    Arrays.setAll(order, i -> i);
    // Existing operations in id order, as every other lock of several takes them; new ones after.
    Arrays.sort(
        order,
        Comparator.comparing(
                (Integer i) -> {
                  Operation known = existing.get(items.get(i).request().groupReference());
                  return known == null ? Long.MAX_VALUE : known.id();
                })
            .thenComparing(i -> items.get(i).request().groupReference())
            .thenComparing(i -> items.get(i).idempotencyKey()));
    Transfer last = null;
    for (int i : order) {
      TransferItem item = items.get(i);
      try {
        Outcome outcome =
            acceptOne(
                partner,
                item.idempotencyKey(),
                item.request(),
                group ->
                    operations.computeIfAbsent(
                        group, g -> operationInBatch(partner, g, existing.get(g))));
        attempts[i] =
            outcome.repeat() != null
                ? new Attempt(TransferView.of(outcome.repeat()), true, null)
                : new Attempt(TransferView.of(outcome.accepted()), false, null);
        last = outcome.accepted() != null ? outcome.accepted() : last;
      } catch (ConflictException | CodeRefusedException refused) {
        attempts[i] = new Attempt(null, false, refused);
      }
    }
    try {
      transfers.flush();
    } catch (PersistenceException collided) {
      throw collision(collided);
    }
    if (last != null) {
      accepted.fire(new TransferAccepted(last.id(), settings.processingDelaySeconds()));
    }
    return List.of(attempts);
  }

  /**
   * What one item of a batch came to: its transfer (a repeat when its key had named it already), or
   * its refusal.
   */
  public record Attempt(TransferView transfer, boolean repeat, RuntimeException refusal) {}

  /** A new transfer, or the one the key already named; refusals are thrown before any write. */
  private Outcome acceptOne(
      ApiClient partner,
      String idempotencyKey,
      TransferRequest request,
      Function<String, Operation> operationOfGroup) {
    Authorization authorization =
        authorizations
            .lock(partner, request.authorizationId())
            .orElseThrow(() -> new ConflictException("The authorization is unknown"));
    Optional<Transfer> repeat = transfers.byIdempotencyKey(partner, idempotencyKey);
    if (repeat.isPresent()) {
      return new Outcome(null, repeat.get());
    }
    if (authorization.status() == AuthorizationStatus.USED) {
      throw new ConflictException("The authorization was used for another transfer");
    }
    if (request.code() != null) {
      // The code and the transfer it confirms in one transaction: the partner needs no second call.
      Verification verification = authorization.verify(request.code(), clock.instant());
      if (!verification.verified()) {
        throw new CodeRefusedException(verification);
      }
    }
    if (authorization.status() != AuthorizationStatus.VERIFIED) {
      throw new ConflictException("The authorization is not verified");
    }
    Account payer = account(request.payerAccount(), "payerAccount");
    Account payee = account(request.payeeAccount(), "payeeAccount");
    Money amount = Money.positive(request.amount());
    Money fee = Money.of(request.fee());
    if (!authorization.confirms(payer, payee, amount, authorization.fee())) {
      throw new ConflictException("The authorization confirms another payment");
    }
    if (!authorization.fee().equals(fee)) {
      throw new ConflictException(
          "The fee differs from the bank's schedule: it is " + authorization.fee());
    }
    Operation operation = operationOfGroup.apply(request.groupReference());
    Transfer transfer =
        Transfer.accept(
            partner,
            idempotencyKey,
            operation,
            authorization,
            payer,
            payee,
            amount,
            fee,
            clock.instant());
    transfers.add(transfer);
    return new Outcome(transfer, null);
  }

  private record Outcome(Transfer accepted, Transfer repeat) {}

  /**
   * The group's operation, locked, or a new one in this transaction: nobody else sees it before the
   * batch commits, and a concurrent first transfer of the group makes one of the two commits fail
   * on the unique (partner, group reference).
   */
  private Operation operationInBatch(ApiClient partner, String groupReference, Operation known) {
    if (known != null) {
      return transfers.lock(known);
    }
    Operation opened = new Operation(partner, groupReference, clock.instant());
    try {
      // An identity id: inserted here, where a concurrent first transfer of the group collides.
      transfers.add(opened);
    } catch (PersistenceException collided) {
      throw collision(collided);
    }
    return opened;
  }

  private static RuntimeException collision(PersistenceException failure) {
    return NoConnection.in(failure) ? failure : new BatchConflict(failure);
  }

  /** The transfer a key already named, if any. */
  public Optional<TransferView> acceptedBefore(long partnerId, String idempotencyKey) {
    return transfers
        .byIdempotencyKey(clients.byId(partnerId), idempotencyKey)
        .map(TransferView::of);
  }

  private long transferIdOf(Transfer transfer) {
    transfers.flush();
    return transfer.id();
  }

  private Operation operationOf(ApiClient partner, String groupReference) {
    Optional<Operation> existing = transfers.operationByGroup(partner, groupReference);
    if (existing.isPresent()) {
      return existing.get();
    }
    EJBException failed = null;
    try {
      groups.open(partner.id(), groupReference);
    } catch (EJBException e) {
      // Usually another first transfer of this group created it a moment ago: use that one.
      failed = e;
    }
    Optional<Operation> opened = transfers.operationByGroup(partner, groupReference);
    if (opened.isEmpty() && failed != null) {
      // No race was lost: the insert failed for its own reason (e.g. no connection to be had).
      throw failed;
    }
    return opened.orElseThrow(
        () -> new IllegalStateException("The operation of the group is missing"));
  }

  private Account account(String number, String field) {
    return accounts
        .byNumber(number)
        .orElseThrow(() -> new ConflictException("The " + field + " is unknown"));
  }
}

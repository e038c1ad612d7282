package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.TransferRequest;
import dev.escrow.bank.application.Views.TransferView;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.account.AccountRepository;
import dev.escrow.bank.domain.authorization.Authorization;
import dev.escrow.bank.domain.authorization.AuthorizationRepository;
import dev.escrow.bank.domain.authorization.AuthorizationStatus;
import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.bank.domain.transfer.Operation;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.bank.domain.transfer.TransferRepository;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.problem.ConflictException;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Accepts a transfer that a verified payment code confirms, in one local transaction: the code is
 * used up and the transfer joins its group's operation, ACCEPTED. That row is the durable record;
 * the consumer's wake-up leaves once it has committed ({@link TransferAccepted}), and the re-drive
 * finds a transfer whose wake-up was lost.
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

  public TransferView accept(long partnerId, String idempotencyKey, TransferRequest request) {
    return accept(partnerId, idempotencyKey, request, true);
  }

  /**
   * As {@link #accept(long, String, TransferRequest)}; {@code wakeUp} false leaves the consumer's
   * wake-up to the caller, which accepts more and wakes it once for all ({@link
   * TransferService#wakeUpFor}).
   */
  public TransferView accept(
      long partnerId, String idempotencyKey, TransferRequest request, boolean wakeUp) {
    ApiClient partner = clients.byId(partnerId);
    Authorization authorization =
        authorizations
            .lock(partner, request.authorizationId())
            .orElseThrow(() -> new ConflictException("The authorization is unknown"));
    Optional<Transfer> repeat = transfers.byIdempotencyKey(partner, idempotencyKey);
    if (repeat.isPresent()) {
      return TransferView.of(repeat.get());
    }
    if (authorization.status() == AuthorizationStatus.USED) {
      throw new ConflictException("The authorization was used for another transfer");
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
    Operation operation = transfers.lock(operationOf(partner, request.groupReference()));
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
    long id = transferIdOf(transfer);
    if (wakeUp) {
      accepted.fire(new TransferAccepted(id, settings.processingDelaySeconds()));
    }
    return TransferView.of(transfer);
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

package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.TransferItem;
import dev.escrow.bank.application.Requests.TransferRequest;
import dev.escrow.bank.application.TransferAcceptance.Attempt;
import dev.escrow.bank.application.Views.TransferView;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.bank.domain.transfer.TransferRepository;
import dev.escrow.platform.problem.NoConnection;
import dev.escrow.platform.problem.NotFoundException;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The partner submits transfers (accepted at once, carried out later), one or a batch, and reads
 * their outcome. Both go first through one transaction for all ({@link
 * TransferAcceptance#acceptAll}, which wakes the consumer once); when it fails as a whole, each
 * transfer alone, as before: a submission repeated with the same Idempotency-Key answers the first
 * transfer, even when the two raced (the loser of the unique (partner, key) constraint reads the
 * winner's transfer), and two first transfers of one group share the operation one of them opened.
 */
@Stateless
public class TransferService {

  private static final Logger LOG = Logger.getLogger(TransferService.class.getName());

  @Inject TransferAcceptance acceptance;
  @Inject TransferRepository transfers;
  @Inject ApiClientRepository clients;

  /** One transfer: its view, or its refusal thrown (409 and the like). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TransferView submit(
      long partnerId,
      @NotBlank @Size(max = 100) String idempotencyKey,
      @NotNull @Valid TransferRequest request) {
    Attempt one = submitAll(partnerId, List.of(new TransferItem(idempotencyKey, request))).get(0);
    if (one.refusal() != null) {
      throw one.refusal();
    }
    return one.transfer();
  }

  /**
   * A partner's transfers, in one transaction; when that transaction fails as a whole (a race lost,
   * a lock or a connection), each item alone, as its single submission once was. Answers in request
   * order.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Attempt> submitAll(
      long partnerId, @NotNull List<@NotNull @Valid TransferItem> items) {
    try {
      return acceptance.acceptAll(partnerId, items);
    } catch (BatchConflict collided) {
      LOG.fine("Transfers accepted item by item, the batch collided: " + collided.getCause());
    } catch (EJBException batchFailed) {
      if (NoConnection.in(batchFailed)) {
        // Overloaded (503): each item alone would wait for a connection as long again.
        throw batchFailed;
      }
      LOG.fine("Transfers accepted item by item, the batch failed: " + batchFailed);
    }
    List<Attempt> attempts = new ArrayList<>(items.size());
    for (TransferItem item : items) {
      try {
        attempts.add(alone(partnerId, item.idempotencyKey(), item.request()));
      } catch (RuntimeException refused) {
        attempts.add(new Attempt(null, false, refused));
      }
    }
    return attempts;
  }

  private Attempt alone(long partnerId, String idempotencyKey, TransferRequest request) {
    var before = acceptance.acceptedBefore(partnerId, idempotencyKey);
    if (before.isPresent()) {
      return new Attempt(before.get(), true, null);
    }
    try {
      return new Attempt(acceptance.accept(partnerId, idempotencyKey, request), false, null);
    } catch (EJBException lostRace) {
      return new Attempt(
          acceptance.acceptedBefore(partnerId, idempotencyKey).orElseThrow(() -> lostRace),
          true,
          null);
    }
  }

  public TransferView transfer(long partnerId, String publicId) {
    return transfers
        .byPublicId(clients.byId(partnerId), publicId)
        .map(TransferView::of)
        .orElseThrow(() -> new NotFoundException("No such transfer"));
  }
}

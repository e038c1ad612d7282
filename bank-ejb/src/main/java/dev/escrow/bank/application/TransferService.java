package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.TransferRequest;
import dev.escrow.bank.application.Views.TransferView;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.bank.domain.transfer.TransferRepository;
import dev.escrow.platform.problem.NotFoundException;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The partner submits transfers (accepted at once, carried out later) and reads their outcome. A
 * submission repeated with the same Idempotency-Key answers the first transfer, even when the two
 * raced: the loser of the unique (partner, key) constraint reads the winner's transfer.
 */
@Stateless
public class TransferService {

  @Inject TransferAcceptance acceptance;
  @Inject TransferRepository transfers;
  @Inject ApiClientRepository clients;
  @Inject SettingsService settings;
  @Inject Event<TransferAccepted> accepted;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TransferView submit(
      long partnerId,
      @NotBlank @Size(max = 100) String idempotencyKey,
      @NotNull @Valid TransferRequest request) {
    try {
      return acceptance.accept(partnerId, idempotencyKey, request);
    } catch (EJBException lostRace) {
      return acceptance.acceptedBefore(partnerId, idempotencyKey).orElseThrow(() -> lostRace);
    }
  }

  /** What a submission came to: the transfer, and whether the key had named it already. */
  public record Submission(TransferView transfer, boolean repeat) {}

  /**
   * As {@link #submit}, telling a repeat (the key named a transfer already: nothing new was
   * accepted) from a new acceptance; for the batch API, whose items answer 200 and 202.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Submission submitOnce(
      long partnerId,
      @NotBlank @Size(max = 100) String idempotencyKey,
      @NotNull @Valid TransferRequest request) {
    return submitOnce(partnerId, idempotencyKey, request, true);
  }

  /**
   * As {@link #submitOnce(long, String, TransferRequest)} for one item of a batch: the consumer is
   * not woken per item; the batch wakes it once, after its last acceptance ({@link #wakeUpFor}).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Submission submitInBatch(
      long partnerId,
      @NotBlank @Size(max = 100) String idempotencyKey,
      @NotNull @Valid TransferRequest request) {
    return submitOnce(partnerId, idempotencyKey, request, false);
  }

  private Submission submitOnce(
      long partnerId, String idempotencyKey, TransferRequest request, boolean wakeUp) {
    var before = acceptance.acceptedBefore(partnerId, idempotencyKey);
    if (before.isPresent()) {
      return new Submission(before.get(), true);
    }
    try {
      return new Submission(acceptance.accept(partnerId, idempotencyKey, request, wakeUp), false);
    } catch (EJBException lostRace) {
      return new Submission(
          acceptance.acceptedBefore(partnerId, idempotencyKey).orElseThrow(() -> lostRace), true);
    }
  }

  /**
   * Wakes the consumer once for transfers a batch accepted, naming the last of them: the others
   * were accepted before it, so they are due when it is, and one wake-up carries out up to {@link
   * TransferExecution#BATCH} due transfers. Sent once this (read-only) transaction commits; lost,
   * the re-drive finds the transfers still ACCEPTED.
   */
  public void wakeUpFor(long partnerId, String lastAcceptedPublicId) {
    transfers
        .byPublicId(clients.byId(partnerId), lastAcceptedPublicId)
        .ifPresent(
            t -> accepted.fire(new TransferAccepted(t.id(), settings.processingDelaySeconds())));
  }

  public TransferView transfer(long partnerId, String publicId) {
    return transfers
        .byPublicId(clients.byId(partnerId), publicId)
        .map(TransferView::of)
        .orElseThrow(() -> new NotFoundException("No such transfer"));
  }
}

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
    var before = acceptance.acceptedBefore(partnerId, idempotencyKey);
    if (before.isPresent()) {
      return new Submission(before.get(), true);
    }
    try {
      return new Submission(acceptance.accept(partnerId, idempotencyKey, request), false);
    } catch (EJBException lostRace) {
      return new Submission(
          acceptance.acceptedBefore(partnerId, idempotencyKey).orElseThrow(() -> lostRace), true);
    }
  }

  public TransferView transfer(long partnerId, String publicId) {
    return transfers
        .byPublicId(clients.byId(partnerId), publicId)
        .map(TransferView::of)
        .orElseThrow(() -> new NotFoundException("No such transfer"));
  }
}

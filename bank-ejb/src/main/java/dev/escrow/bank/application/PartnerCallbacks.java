package dev.escrow.bank.application;

import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.bank.domain.partner.PartnerCallback;
import dev.escrow.bank.domain.partner.PartnerCallbackRepository;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.platform.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Owes the partner a callback when one of its transfers reaches a final state: the outbox row is
 * written in the caller's transaction, with the final state itself, so a callback is owed exactly
 * when that state is committed. The delivery wakes up once the transaction has committed ({@link
 * CallbackDue}); the redrive finds what a crash or an absent partner left behind.
 */
@ApplicationScoped
public class PartnerCallbacks {

  /** Callbacks were written; deliver them once their transaction has committed. */
  public record CallbackDue(List<Long> callbackIds) {}

  @Inject PartnerCallbackRepository callbacks;
  @Inject Clock clock;
  @Inject Event<CallbackDue> due;
  @Inject CallbackDelivery delivery;

  /** The transfer is final (COMPLETED, FAILED or REVERSED); its partner is told, if it asked. */
  public void transferEnded(Transfer transfer) {
    transfersEnded(List.of(transfer));
  }

  /**
   * As {@link #transferEnded} for the transfers one transaction made final (a batch, a reversal):
   * their callbacks are delivered together, claimed and recorded in one transaction each.
   */
  public void transfersEnded(List<Transfer> ended) {
    List<Long> written = new ArrayList<>(ended.size());
    Instant now = clock.instant();
    for (Transfer transfer : ended) {
      ApiClient partner = transfer.client();
      if (!partner.wantsCallbacks()) {
        continue;
      }
      String eventId = PartnerCallback.newEventId();
      PartnerCallback callback =
          PartnerCallback.due(
              partner,
              transfer.id(),
              transfer.status().name(),
              eventId,
              body(eventId, transfer, now),
              now);
      callbacks.add(callback);
      written.add(callback.id());
    }
    if (!written.isEmpty()) {
      due.fire(new CallbackDue(written));
    }
  }

  /** The wake-up: delivery starts at once, on a thread of its own, the transaction committed. */
  void wakeUp(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallbackDue callback) {
    delivery.deliverSoon(callback.callbackIds());
  }

  /**
   * What the partner is told: the transfer as GET /partner/transfers/{id} shows it, and the event.
   */
  static String body(String eventId, Transfer t, Instant now) {
    JsonObjectBuilder json =
        Jsonp.object()
            .add("eventId", eventId)
            .add("type", "transfer.final")
            .add("occurredAt", now.toString())
            .add("transferId", t.publicId())
            .add("idempotencyKey", t.idempotencyKey())
            .add("operationKey", t.operation().key())
            .add("status", t.status().name())
            .add("amount", Views.money(t.amount()))
            .add("fee", Views.money(t.fee()))
            .add("total", Views.money(t.total()));
    if (t.failureReason() != null) {
      json.add("failureReason", t.failureReason());
    }
    return json.build().toString();
  }
}

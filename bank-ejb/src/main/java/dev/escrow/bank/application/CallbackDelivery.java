package dev.escrow.bank.application;

import dev.escrow.bank.application.CallbackTransport.Answer;
import dev.escrow.bank.application.CallbackTransport.Sent;
import dev.escrow.bank.domain.partner.PartnerCallback;
import dev.escrow.bank.domain.partner.PartnerCallbackRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Delivers callbacks from the outbox: claims them in a short transaction (the callbacks one
 * transaction wrote, together), sends each with no transaction and no lock held, then records the
 * answers in another. Two senders of one callback (the wake-up and the redrive) cannot both claim
 * it; a sender that dies leaves it claimed for {@link PartnerCallback#LEASE}, then it is due again.
 * The partner keys it by its event id, so a callback sent twice is applied once.
 */
@Stateless
public class CallbackDelivery {

  private static final Logger LOG = Logger.getLogger(CallbackDelivery.class.getName());

  /** What one claimed callback needs to be sent. */
  public record Claimed(String url, String secret, String eventId, String body) {}

  @Inject PartnerCallbackRepository callbacks;
  @Inject CallbackTransport sender;
  @Inject Clock clock;
  @Resource SessionContext context;

  /**
   * The wake-up after the transaction that wrote these callbacks committed: claimed in one
   * transaction, sent one after the other with none open, their answers recorded in one. Once the
   * partner answers "later" (away, busy), the rest are not sent and take that answer: each is due
   * again after its back-off, as if tried.
   */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void deliverSoon(List<Long> callbackIds) {
    if (callbackIds.size() == 1) {
      attempt(callbackIds.get(0));
      return;
    }
    CallbackDelivery self = context.getBusinessObject(CallbackDelivery.class);
    Map<Long, Claimed> claimed = self.claimAll(callbackIds);
    Map<Long, Sent> answers = new TreeMap<>();
    Sent away = null;
    for (Map.Entry<Long, Claimed> one : claimed.entrySet()) {
      Claimed c = one.getValue();
      // The partner away or busy for one: the others are not sent now, and wait as it does.
      Sent sent =
          away != null
              ? away
              : sender.send(c.url(), c.secret(), c.eventId(), c.body(), clock.instant());
      if (sent.answer() == Answer.RETRY) {
        away = sent;
      }
      answers.put(one.getKey(), sent);
    }
    if (!answers.isEmpty()) {
      self.recordAll(answers);
    }
  }

  /**
   * @return how the attempt went; null when the callback was not this sender's to try (delivered,
   *     given up, claimed by another or not due yet)
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Answer attempt(long callbackId) {
    CallbackDelivery self = context.getBusinessObject(CallbackDelivery.class);
    Claimed claimed = self.claim(callbackId);
    if (claimed == null) {
      return null;
    }
    Sent sent =
        sender.send(
            claimed.url(), claimed.secret(), claimed.eventId(), claimed.body(), clock.instant());
    self.record(callbackId, sent);
    return sent.answer();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Claimed claim(long callbackId) {
    return claimLocked(callbacks.lock(callbackId));
  }

  /** {@link #claim} of each, in one transaction, locked in id order; answers those claimed. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Map<Long, Claimed> claimAll(List<Long> callbackIds) {
    Map<Long, Claimed> claimed = new TreeMap<>();
    for (long id : new TreeSet<>(callbackIds)) {
      Claimed one = claimLocked(callbacks.lock(id));
      if (one != null) {
        claimed.put(id, one);
      }
    }
    return claimed;
  }

  private Claimed claimLocked(PartnerCallback callback) {
    if (callback == null || !callback.claim(clock.instant())) {
      return null;
    }
    if (!callback.client().wantsCallbacks()) {
      callback.failed("the partner no longer takes callbacks", true, clock.instant());
      return null;
    }
    return new Claimed(
        callback.client().callbackUrl(),
        callback.client().callbackSecret(),
        callback.eventId(),
        callback.body());
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(long callbackId, Sent sent) {
    recordLocked(callbacks.lock(callbackId), sent);
  }

  /** {@link #record} of each, in one transaction, locked in id order. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordAll(Map<Long, Sent> answers) {
    new TreeMap<>(answers).forEach((id, sent) -> recordLocked(callbacks.lock(id), sent));
  }

  private void recordLocked(PartnerCallback callback, Sent sent) {
    if (callback == null) {
      return;
    }
    if (sent.answer() == Answer.DELIVERED) {
      callback.delivered(clock.instant());
      return;
    }
    callback.failed(sent.detail(), sent.answer() == Answer.REFUSED, clock.instant());
    if (callback.state() == PartnerCallback.State.GIVEN_UP) {
      LOG.warning(
          "Callback "
              + callback.eventId()
              + " of transfer row "
              + callback.transferId()
              + " given up after "
              + callback.attempts()
              + " attempts: "
              + sent.detail());
    }
  }
}

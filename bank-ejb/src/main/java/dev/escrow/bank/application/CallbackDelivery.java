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
import java.util.logging.Logger;

/**
 * Delivers one callback from the outbox: claims it in a short transaction of its own, sends it with
 * no transaction and no lock held, then records the answer in another. Two senders of one callback
 * (the wake-up and the redrive) cannot both claim it; a sender that dies leaves it claimed for
 * {@link PartnerCallback#LEASE}, then it is due again. The partner keys it by its event id, so a
 * callback sent twice is applied once.
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

  /** The wake-up after the transaction that wrote the callback committed. */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void deliverSoon(long callbackId) {
    attempt(callbackId);
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
    PartnerCallback callback = callbacks.lock(callbackId);
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
    PartnerCallback callback = callbacks.lock(callbackId);
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

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Delivers callbacks from the outbox: claims them in a short transaction (the callbacks one
 * transaction wrote, together), sends them with no transaction and no lock held (a partner's
 * several as one batch), then records the answers in another. Two senders of one callback (the
 * wake-up and the redrive) cannot both claim it; a sender that dies leaves it claimed for {@link
 * PartnerCallback#LEASE}, then it is due again. The partner keys it by its event id, so a callback
 * sent twice is applied once.
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

  /** The wake-up after the transaction that wrote these callbacks committed: {@link #deliver}. */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void deliverSoon(List<Long> callbackIds) {
    deliver(callbackIds);
  }

  /**
   * Claims these callbacks in one transaction, sends them with none open (a partner's several in
   * one request, {@link CallbackTransport#MAX_EVENTS} at most), and records the answers in one.
   * Once the partner answers "later" to a whole request (away, busy), the rest are not sent and
   * take that answer: each is due again after its back-off, as if tried.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void deliver(List<Long> callbackIds) {
    if (callbackIds.size() == 1) {
      attempt(callbackIds.get(0));
      return;
    }
    CallbackDelivery self = context.getBusinessObject(CallbackDelivery.class);
    Map<List<String>, List<Map.Entry<Long, Claimed>>> byPartner = new LinkedHashMap<>();
    for (Map.Entry<Long, Claimed> one : self.claimAll(callbackIds).entrySet()) {
      Claimed c = one.getValue();
      byPartner.computeIfAbsent(List.of(c.url(), c.secret()), k -> new ArrayList<>()).add(one);
    }
    Map<Long, Sent> answers = new TreeMap<>();
    Sent away = null;
    for (List<Map.Entry<Long, Claimed>> partner : byPartner.values()) {
      for (int from = 0; from < partner.size(); from += CallbackTransport.MAX_EVENTS) {
        List<Map.Entry<Long, Claimed>> request =
            partner.subList(from, Math.min(partner.size(), from + CallbackTransport.MAX_EVENTS));
        if (away != null) {
          for (Map.Entry<Long, Claimed> one : request) {
            answers.put(one.getKey(), away);
          }
          continue;
        }
        Map<Long, Sent> sent = send(request);
        answers.putAll(sent);
        if (sent.values().stream().allMatch(a -> a.answer() == Answer.RETRY)) {
          away = sent.values().iterator().next();
        }
      }
    }
    if (!answers.isEmpty()) {
      self.recordAll(answers);
    }
  }

  /** One request: the callback alone, or the partner's several as one batch. */
  private Map<Long, Sent> send(List<Map.Entry<Long, Claimed>> request) {
    Map<Long, Sent> answers = new TreeMap<>();
    Claimed first = request.get(0).getValue();
    if (request.size() == 1) {
      answers.put(
          request.get(0).getKey(),
          sender.send(first.url(), first.secret(), first.eventId(), first.body(), clock.instant()));
      return answers;
    }
    List<CallbackTransport.Event> events = new ArrayList<>(request.size());
    for (Map.Entry<Long, Claimed> one : request) {
      events.add(new CallbackTransport.Event(one.getValue().eventId(), one.getValue().body()));
    }
    Map<String, Sent> byEvent =
        sender.sendAll(first.url(), first.secret(), events, clock.instant());
    for (Map.Entry<Long, Claimed> one : request) {
      answers.put(one.getKey(), byEvent.get(one.getValue().eventId()));
    }
    return answers;
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

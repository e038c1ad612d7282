package dev.escrow.bank.application;

import dev.escrow.bank.application.CallbackTransport.Answer;
import dev.escrow.bank.domain.partner.PartnerCallbackRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Every few seconds sends the callbacks that are due: callbacks whose partner was away (their next
 * attempt comes after a growing wait) and those a crash left unsent (the outbox row outlives the
 * wake-up). While the partner cannot be reached, one attempt per run finds it out; the others wait
 * for the next. Once it answers, the others are sent in batches ({@link CallbackDelivery#deliver}).
 *
 * <p>The timer is persistent, in the store the nodes of a cluster share (jobs.cli): each expiry
 * runs on one node, and what a dead node's run left undone is found again in the rows by the next.
 */
@Singleton
public class CallbackRedrive {

  static final int BATCH = 200;

  @Inject PartnerCallbackRepository callbacks;
  @Inject CallbackDelivery delivery;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = true, info = "callback re-drive")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void redrive() {
    List<Long> due = callbacks.due(clock.instant(), BATCH);
    if (due.isEmpty() || delivery.attempt(due.get(0)) == Answer.RETRY) {
      return;
    }
    if (due.size() > 1) {
      // The partner answers: the rest go in batches.
      delivery.deliver(List.copyOf(due.subList(1, due.size())));
    }
  }
}

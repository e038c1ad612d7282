package dev.escrow.bank.application;

import dev.escrow.bank.domain.transfer.TransferRepository;
import dev.escrow.bank.infrastructure.messaging.TransferQueue;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Re-queues transfers that stay ACCEPTED well past the processing delay: their message was lost.
 * The crash test found it: a SIGKILL right after the accepting transaction committed the transfer
 * row (the datasource is the one-phase last resource) but before the broker's branch was committed
 * or logged left the transfer ACCEPTED with no message, for ever, and its operation could never be
 * settled or reversed. Carrying a transfer out is idempotent (the row is locked and a final
 * transfer is left alone), so a message sent twice does nothing twice.
 *
 * <p>The timer is persistent, in the store the nodes of a cluster share (jobs.cli): each expiry
 * runs on one node, and what a dead node's run left undone is found again in the rows by the next.
 */
@Singleton
public class TransferRedrive {

  private static final Logger LOG = Logger.getLogger(TransferRedrive.class.getName());

  /** How long past its processing delay an ACCEPTED transfer may wait for its message. */
  static final Duration GRACE = Duration.ofSeconds(60);

  @Inject TransferRepository transfers;
  @Inject SettingsService settings;
  @Inject TransferQueue queue;
  @Inject BankClock clock;

  @Schedule(hour = "*", minute = "*", second = "45", persistent = true, info = "transfer re-drive")
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void redrive() {
    int delay = settings.processingDelaySeconds();
    List<Long> stuck = transfers.acceptedBefore(clock.now().minusSeconds(delay).minus(GRACE), 500);
    for (long id : stuck) {
      queue.schedule(id, 0);
    }
    if (!stuck.isEmpty()) {
      LOG.warning("Re-queued " + stuck.size() + " transfers still ACCEPTED: " + stuck);
    }
  }
}

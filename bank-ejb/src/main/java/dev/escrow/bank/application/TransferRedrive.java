package dev.escrow.bank.application;

import dev.escrow.bank.domain.transfer.TransferRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Re-queues transfers that stay ACCEPTED well past their due time (accepted + the processing delay
 * + {@link #GRACE}): their wake-up was lost. The accepted row is the record and the wake-up is sent
 * only after its commit, with no two-phase commit: a SIGKILL between the two, or a broker failure
 * at the send, leaves the transfer ACCEPTED with no message, and without this its operation could
 * never be settled or reversed (the crash test found two such transfers when the send was still an
 * XA branch). Carrying a transfer out is idempotent (the row is locked and a final transfer is left
 * alone), so a message sent twice does nothing twice.
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
  @Inject TransferWork queue;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*", second = "45", persistent = true, info = "transfer re-drive")
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void redrive() {
    int delay = settings.processingDelaySeconds();
    List<Long> stuck =
        transfers.acceptedBefore(clock.instant().minusSeconds(delay).minus(GRACE), 500);
    for (long id : stuck) {
      queue.schedule(id, 0);
    }
    if (!stuck.isEmpty()) {
      LOG.warning("Re-queued " + stuck.size() + " transfers still ACCEPTED: " + stuck);
    }
  }
}

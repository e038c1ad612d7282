package dev.escrow.bank.infrastructure.messaging;

import dev.escrow.bank.application.TransferAccepted;
import dev.escrow.bank.application.TransferWork;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wakes the transfer consumer up: "there is work, transfer {@code transferId} among it, due in so
 * many seconds". The message is not the record of the transfer (the ACCEPTED row is) and is sent
 * only after the accepting transaction committed, through the plain (non-XA) in-VM factory: the
 * acceptance is one local transaction on the bank's database, with no two-phase commit with the
 * broker. A wake-up lost to a crash between the commit and the send, or to a broker hiccup, is
 * harmless: {@code TransferRedrive} finds transfers still ACCEPTED past their due time and sends it
 * again, and carrying a transfer out twice does nothing twice.
 *
 * <p>A JMS context (a connection and its session) is used by one thread at a time, so the senders
 * take one from a pool of idle ones and give it back: a send neither opens a session (a broker
 * round trip and a management notification each) nor waits for another thread's. The JCA pooled
 * factories are not used: they join the JTA transaction that is still on the thread after its
 * commit, and the re-drive sends inside its own.
 */
@ApplicationScoped
public class TransferQueue implements TransferWork {

  public static final String TRANSFER_ID = "transferId";

  private static final Logger LOG = Logger.getLogger(TransferQueue.class.getName());

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory factory;

  @Resource(lookup = "java:/jms/queue/BankTransfers")
  Queue queue;

  /** Contexts no thread is sending on; at most as many as sends ever ran at once. */
  private final ConcurrentLinkedDeque<JMSContext> idle = new ConcurrentLinkedDeque<>();

  /** The accepting transaction committed: the transfer exists for good, wake the consumer. */
  void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransferAccepted accepted) {
    schedule(accepted.transferId(), accepted.delaySeconds());
  }

  /**
   * Sends the wake-up now, outside any transaction; a failure is logged, not thrown (the re-drive
   * sends it again).
   */
  @Override
  public void schedule(long transferId, int delaySeconds) {
    try {
      send(transferId, delaySeconds);
    } catch (RuntimeException first) {
      try {
        send(transferId, delaySeconds);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "The wake-up of transfer row " + transferId + " was not sent; the re-drive will",
            e);
      }
    }
  }

  private void send(long transferId, int delaySeconds) {
    JMSContext context = idle.pollFirst();
    if (context == null) {
      context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }
    try {
      context
          .createProducer()
          .setDeliveryDelay(delaySeconds * 1000L)
          .setProperty(TRANSFER_ID, transferId)
          .send(queue, context.createMessage());
    } catch (RuntimeException e) {
      // Perhaps the connection is broken: this context goes, the retry takes another or a new one.
      close(context);
      throw e;
    }
    idle.offerFirst(context);
  }

  @PreDestroy
  void closeAll() {
    for (JMSContext context; (context = idle.pollFirst()) != null; ) {
      close(context);
    }
  }

  private static void close(JMSContext context) {
    try {
      context.close();
    } catch (RuntimeException e) {
      LOG.fine("Closing a wake-up context failed: " + e);
    }
  }
}

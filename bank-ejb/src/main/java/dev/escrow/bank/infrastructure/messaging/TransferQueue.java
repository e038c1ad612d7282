package dev.escrow.bank.infrastructure.messaging;

import dev.escrow.bank.application.TransferAccepted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
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
 */
@ApplicationScoped
public class TransferQueue {

  public static final String TRANSFER_ID = "transferId";

  private static final Logger LOG = Logger.getLogger(TransferQueue.class.getName());

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory factory;

  @Resource(lookup = "java:/jms/queue/BankTransfers")
  Queue queue;

  /** One connection for all sends (a JMS connection is thread-safe; a session is not). */
  private Connection connection;

  /** The accepting transaction committed: the transfer exists for good, wake the consumer. */
  void accepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransferAccepted accepted) {
    schedule(accepted.transferId(), accepted.delaySeconds());
  }

  /**
   * Sends the wake-up now, outside any transaction; a failure is logged, not thrown (the re-drive
   * sends it again).
   */
  public void schedule(long transferId, int delaySeconds) {
    try {
      send(transferId, delaySeconds);
    } catch (JMSException | RuntimeException first) {
      reset();
      try {
        send(transferId, delaySeconds);
      } catch (JMSException | RuntimeException e) {
        reset();
        LOG.log(
            Level.WARNING,
            "The wake-up of transfer row " + transferId + " was not sent; the re-drive will",
            e);
      }
    }
  }

  private void send(long transferId, int delaySeconds) throws JMSException {
    try (Session session = connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(queue)) {
      Message message = session.createMessage();
      message.setLongProperty(TRANSFER_ID, transferId);
      producer.setDeliveryDelay(delaySeconds * 1000L);
      producer.send(message);
    }
  }

  private synchronized Connection connection() throws JMSException {
    if (connection == null) {
      connection = factory.createConnection();
    }
    return connection;
  }

  @PreDestroy
  synchronized void reset() {
    if (connection != null) {
      try {
        connection.close();
      } catch (JMSException | RuntimeException e) {
        LOG.fine("Closing the wake-up connection failed: " + e);
      }
      connection = null;
    }
  }
}

package dev.escrow.bank.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * Queues a transfer for execution after the bank's processing delay. The pooled java:/JmsXA factory
 * enlists the send in the caller's JTA transaction: the message leaves only when the transfer it
 * names has been committed.
 */
@ApplicationScoped
public class TransferQueue {

  public static final String TRANSFER_ID = "transferId";

  @Resource(lookup = "java:/JmsXA")
  ConnectionFactory factory;

  @Resource(lookup = "java:/jms/queue/BankTransfers")
  Queue queue;

  public void schedule(long transferId, int delaySeconds) {
    try (JMSContext context = factory.createContext()) {
      Message message = context.createMessage();
      message.setLongProperty(TRANSFER_ID, transferId);
      context.createProducer().setDeliveryDelay(delaySeconds * 1000L).send(queue, message);
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }
}

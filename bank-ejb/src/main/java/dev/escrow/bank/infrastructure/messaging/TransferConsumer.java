package dev.escrow.bank.infrastructure.messaging;

import dev.escrow.bank.application.TransferExecution;
import dev.escrow.bank.infrastructure.observability.BankMeters;
import dev.escrow.bank.infrastructure.observability.MoneyLog;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a wake-up into execution: a batch of due transfers, the message's own among them, in one
 * transaction (one wake-up may stand for a partner's whole batch; when more are due than one batch
 * takes, the consumer wakes itself again). When the batch fails (one transfer that cannot be
 * carried out, a lock timeout), the due transfers are carried out one by one, each in its own
 * transaction, so that one poison transfer holds no other back; the message's own transfer last,
 * and its failure is the message's: redelivered (the queue's bounded redelivery), and on the last
 * delivery the transfer fails instead.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/BankTransfers"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
public class TransferConsumer implements MessageListener {

  /** The queue's max-delivery-attempts (wildfly-config messaging.cli). */
  static final int LAST_DELIVERY = 10;

  private static final String QUEUE = "BankTransfers";

  private static final Logger LOG = Logger.getLogger(TransferConsumer.class.getName());

  private static final Logger MONEY = Logger.getLogger(MoneyLog.CATEGORY);

  @Inject TransferExecution execution;
  @Inject BankMeters meters;
  @Inject TransferQueue queue;

  @Override
  public void onMessage(Message message) {
    long transferId;
    int delivery;
    try {
      transferId = message.getLongProperty(TransferQueue.TRANSFER_ID);
      delivery = message.getIntProperty("JMSXDeliveryCount");
    } catch (JMSException e) {
      throw new IllegalStateException("A transfer message without a transfer id", e);
    }
    if (delivery > 1) {
      meters.redelivered(QUEUE);
    }
    try {
      Long moreDue = execution.carryOutDue(transferId).moreDue();
      if (moreDue != null) {
        // More were due than one batch takes: another session carries on at once.
        queue.schedule(moreDue, 0);
      }
      return;
    } catch (EJBException batchFailed) {
      LOG.log(
          Level.WARNING,
          "A batch woken by transfer row " + transferId + " failed; carrying out one by one",
          batchFailed);
    }
    oneByOne(transferId);
    try {
      execution.carryOut(transferId);
    } catch (EJBException e) {
      if (delivery < LAST_DELIVERY) {
        throw e;
      }
      try {
        execution.giveUp(transferId, "the bank could not carry it out");
      } catch (RuntimeException lastFailure) {
        // Nothing could be written: the broker moves the message to the DLQ.
        meters.deadLettered(QUEUE);
        MONEY.warning(
            "message dead-lettered: queue="
                + QUEUE
                + " transferRow="
                + transferId
                + " deliveries="
                + delivery
                + " cause=\""
                + lastFailure
                + "\"");
        throw lastFailure;
      }
    }
  }

  /**
   * The due transfers other than the message's own, each alone; a failure waits for its own message
   * (one that a batch's wake-up named none gets it from the re-drive).
   */
  private void oneByOne(long transferId) {
    List<Long> due;
    try {
      due = execution.dueIds(transferId);
    } catch (EJBException e) {
      return;
    }
    for (long id : due) {
      if (id == transferId) {
        continue;
      }
      try {
        execution.carryOut(id);
      } catch (EJBException e) {
        LOG.warning("Transfer row " + id + " failed alone too; its own message retries: " + e);
      }
    }
  }
}

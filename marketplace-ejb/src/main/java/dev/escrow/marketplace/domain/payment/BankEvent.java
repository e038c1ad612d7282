package dev.escrow.marketplace.domain.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed callback of the bank the marketplace took: its event id is never taken twice. */
@Entity
@Table(name = "bank_event")
public class BankEvent {

  @Id
  @Column(name = "event_id", length = 64)
  private String eventId;

  @Column(name = "bank_transfer_id", nullable = false, length = 64)
  private String bankTransferId;

  @Column(name = "transfer_status", nullable = false, length = 16)
  private String transferStatus;

  @Column(name = "payment_id", nullable = false)
  private Long paymentId;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected BankEvent() {}

  public BankEvent(
      String eventId, String bankTransferId, String transferStatus, long paymentId, Instant now) {
    this.eventId = eventId;
    this.bankTransferId = bankTransferId;
    this.transferStatus = transferStatus;
    this.paymentId = paymentId;
    this.receivedAt = now;
  }

  public String eventId() {
    return eventId;
  }
}

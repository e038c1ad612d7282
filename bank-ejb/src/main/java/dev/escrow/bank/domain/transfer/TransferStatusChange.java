package dev.escrow.bank.domain.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One step of a transfer's life: from, to, when, why, by whom. Never changed. */
@Entity
@Immutable
@Table(name = "transfer_status_change")
public class TransferStatusChange {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transfer_status_change_seq")
  @SequenceGenerator(
      name = "transfer_status_change_seq",
      sequenceName = "transfer_status_change_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "transfer_id", updatable = false)
  private Transfer transfer;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 16, updatable = false)
  private TransferStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, length = 16, updatable = false)
  private TransferStatus to;

  @Column(nullable = false, length = 200, updatable = false)
  private String reason;

  @Column(nullable = false, length = 64, updatable = false)
  private String actor;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  protected TransferStatusChange() {}

  TransferStatusChange(
      Transfer transfer,
      TransferStatus from,
      TransferStatus to,
      String reason,
      String actor,
      Instant at) {
    this.transfer = transfer;
    this.from = from;
    this.to = to;
    this.reason = reason;
    this.actor = actor;
    this.changedAt = at;
  }

  public TransferStatus from() {
    return from;
  }

  public TransferStatus to() {
    return to;
  }

  public String reason() {
    return reason;
  }

  public String actor() {
    return actor;
  }

  public Instant changedAt() {
    return changedAt;
  }
}

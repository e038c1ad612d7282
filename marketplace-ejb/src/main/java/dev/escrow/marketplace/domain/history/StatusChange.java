package dev.escrow.marketplace.domain.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in the life of a deal, payment or offer: from, to, when, why, by whom. Immutable. */
@Entity
@Table(name = "status_change")
public class StatusChange {

  public enum Subject {
    DEAL,
    PAYMENT,
    OFFER
  }

  /** Who made a change when no person did. */
  public static final String SYSTEM = "system";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 16)
  private String subject;

  @Column(name = "subject_id", nullable = false)
  private long subjectId;

  @Column(name = "from_status", length = 64)
  private String fromStatus;

  @Column(name = "to_status", nullable = false, length = 64)
  private String toStatus;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(length = 500)
  private String reason;

  @Column(nullable = false, length = 64)
  private String actor;

  protected StatusChange() {}

  public StatusChange(
      Subject subject,
      long subjectId,
      String from,
      String to,
      Instant at,
      String reason,
      String actor) {
    this.subject = subject.name();
    this.subjectId = subjectId;
    this.fromStatus = from;
    this.toStatus = to;
    this.changedAt = at;
    this.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    this.actor = actor;
  }

  public String subject() {
    return subject;
  }

  public long subjectId() {
    return subjectId;
  }

  public String fromStatus() {
    return fromStatus;
  }

  public String toStatus() {
    return toStatus;
  }

  public Instant changedAt() {
    return changedAt;
  }

  public String reason() {
    return reason;
  }

  public String actor() {
    return actor;
  }
}

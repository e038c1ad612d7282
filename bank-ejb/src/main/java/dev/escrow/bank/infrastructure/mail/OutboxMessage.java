package dev.escrow.bank.infrastructure.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Demo mode only: a copy of a code mail, so a person can try the flow without a mail server. */
@Entity
@Table(name = "demo_outbox")
public class OutboxMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 254)
  private String recipient;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false, length = 2000)
  private String body;

  @Column(nullable = false, length = 6)
  private String code;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  protected OutboxMessage() {}

  public OutboxMessage(String recipient, String subject, String body, String code, Instant at) {
    // Kept in lower case: the outbox is looked up by address, case-insensitively, by its index.
    this.recipient = recipient.toLowerCase(java.util.Locale.ROOT);
    this.subject = subject;
    this.body = body;
    this.code = code;
    this.sentAt = at;
  }

  public String recipient() {
    return recipient;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public String code() {
    return code;
  }

  public Instant sentAt() {
    return sentAt;
  }
}

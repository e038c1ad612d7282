package dev.escrow.bank.domain.partner;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A callback owed to a partner: one transfer reached a final state. Written with that state, in its
 * transaction (the outbox), then delivered in the background: claimed for a while, sent, and either
 * delivered or tried again later with a growing wait, until it is given up.
 */
@Entity
@Table(name = "partner_callback")
public class PartnerCallback {

  /** Attempts before giving up: 1 s, 2 s, 4 s ... then every 5 minutes, about 2.7 hours in all. */
  public static final int GIVE_UP_AFTER = 40;

  static final Duration MAX_WAIT = Duration.ofMinutes(5);

  /** How long a claimed callback is left to its sender before another may try it. */
  public static final Duration LEASE = Duration.ofSeconds(30);

  public enum State {
    PENDING,
    DELIVERED,
    GIVEN_UP
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_callback_seq")
  @SequenceGenerator(
      name = "partner_callback_seq",
      sequenceName = "partner_callback_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "event_id", nullable = false, unique = true, length = 36)
  private String eventId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "api_client_id")
  private ApiClient client;

  @Column(name = "transfer_id", nullable = false)
  private Long transferId;

  @Column(name = "transfer_status", nullable = false, length = 16)
  private String transferStatus;

  @Column(nullable = false, length = 2000)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "last_error", length = 300)
  private String lastError;

  protected PartnerCallback() {}

  /** A callback due now; {@code body} names {@code eventId} (the partner's key against replays). */
  public static PartnerCallback due(
      ApiClient client,
      long transferId,
      String transferStatus,
      String eventId,
      String body,
      Instant now) {
    PartnerCallback callback = new PartnerCallback();
    callback.eventId = Objects.requireNonNull(eventId);
    callback.client = Objects.requireNonNull(client);
    callback.transferId = transferId;
    callback.transferStatus = transferStatus;
    callback.body = Objects.requireNonNull(body);
    callback.state = State.PENDING;
    callback.createdAt = now;
    callback.nextAttemptAt = now;
    return callback;
  }

  public static String newEventId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Takes the callback for one attempt: only a pending one whose time has come, and for {@link
   * #LEASE} (a sender that dies mid-way leaves it to the next one).
   */
  public boolean claim(Instant now) {
    if (state != State.PENDING || nextAttemptAt.isAfter(now)) {
      return false;
    }
    attempts++;
    nextAttemptAt = now.plus(LEASE);
    return true;
  }

  public void delivered(Instant now) {
    if (state == State.PENDING) {
      state = State.DELIVERED;
      deliveredAt = now;
      lastError = null;
    }
  }

  /**
   * The attempt failed: tried again after 2^(attempts-1) seconds (at most {@link #MAX_WAIT}), or
   * given up when the partner refused it for good or after {@link #GIVE_UP_AFTER} attempts.
   */
  public void failed(String error, boolean forGood, Instant now) {
    if (state != State.PENDING) {
      return;
    }
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 300));
    if (forGood || attempts >= GIVE_UP_AFTER) {
      state = State.GIVEN_UP;
      return;
    }
    nextAttemptAt = now.plus(waitAfter(attempts));
  }

  static Duration waitAfter(int attempts) {
    long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    return seconds >= MAX_WAIT.toSeconds() ? MAX_WAIT : Duration.ofSeconds(seconds);
  }

  public Long id() {
    return id;
  }

  public String eventId() {
    return eventId;
  }

  public ApiClient client() {
    return client;
  }

  public long transferId() {
    return transferId;
  }

  public String transferStatus() {
    return transferStatus;
  }

  public String body() {
    return body;
  }

  public State state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant deliveredAt() {
    return deliveredAt;
  }

  public String lastError() {
    return lastError;
  }
}

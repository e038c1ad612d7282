package dev.escrow.marketplace.domain.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A request made with an {@code Idempotency-Key}: its body's hash and what it created. Written in
 * the same transaction as the thing it created, so a repeat finds either both or neither.
 */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest {

  public static final Duration KEPT = Duration.ofHours(24);

  /** A user's key: two users may use the same key without meeting. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "user_login", length = 64)
    private String userLogin;

    @Column(name = "request_key", length = 200)
    private String requestKey;

    protected Key() {}

    public Key(String userLogin, String requestKey) {
      this.userLogin = userLogin;
      this.requestKey = requestKey;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.userLogin.equals(userLogin) && k.requestKey.equals(requestKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(userLogin, requestKey);
    }
  }

  @EmbeddedId private Key key;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Column(nullable = false)
  private int status;

  /** What the first request created (here: the payment's id). */
  @Column(nullable = false, length = 20000)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IdempotentRequest() {}

  public IdempotentRequest(
      Key key, String requestHash, int status, String body, Instant createdAt) {
    this.key = key;
    this.requestHash = requestHash;
    this.status = status;
    this.body = body;
    this.createdAt = createdAt;
  }

  public boolean isSameRequest(String hash) {
    return requestHash.equals(hash);
  }

  public boolean isStillKeptAt(Instant now) {
    return createdAt.plus(KEPT).isAfter(now);
  }

  public String body() {
    return body;
  }

  public int status() {
    return status;
  }
}

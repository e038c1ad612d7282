package dev.escrow.bank.domain.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A partner (the marketplace) allowed to call /partner; only the SHA-256 of its key is kept. A
 * partner that gave a callback URL hears of its transfers' outcomes there, signed with its callback
 * secret: the bank signs with it (HMAC), so it keeps the secret itself, not a hash.
 */
@Entity
@Table(name = "api_client")
public class ApiClient {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Column(name = "key_hash", nullable = false, unique = true, length = 64)
  private String keyHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "callback_url", length = 500)
  private String callbackUrl;

  @Column(name = "callback_secret", length = 200)
  private String callbackSecret;

  protected ApiClient() {}

  public ApiClient(String name, String keyHash, Instant createdAt) {
    this.name = name;
    this.keyHash = keyHash;
    this.createdAt = createdAt;
  }

  public void rotateKey(String keyHash) {
    this.keyHash = keyHash;
  }

  /** Where (and with which secret) the partner hears of its transfers; null URL: nowhere. */
  public void callBackAt(String url, String secret) {
    if (url != null && (secret == null || secret.isBlank())) {
      throw new IllegalArgumentException("A callback URL needs a secret to sign with");
    }
    this.callbackUrl = url;
    this.callbackSecret = url == null ? null : secret;
  }

  public boolean wantsCallbacks() {
    return callbackUrl != null;
  }

  public String callbackUrl() {
    return callbackUrl;
  }

  public String callbackSecret() {
    return callbackSecret;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String keyHash() {
    return keyHash;
  }
}

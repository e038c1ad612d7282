package dev.escrow.bank.domain.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A partner (the marketplace) allowed to call /partner; only the SHA-256 of its key is kept. */
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

  protected ApiClient() {}

  public ApiClient(String name, String keyHash, Instant createdAt) {
    this.name = name;
    this.keyHash = keyHash;
    this.createdAt = createdAt;
  }

  public void rotateKey(String keyHash) {
    this.keyHash = keyHash;
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

package dev.escrow.marketplace.domain.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A bank the marketplace works with, known to the bank service by its 9-digit requisite. */
@Entity
@Table(name = "bank")
public class Bank {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 9)
  private String requisite;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Bank() {}

  public Bank(String name, String requisite, Instant createdAt) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    if (requisite == null || !requisite.matches("\\d{9}")) {
      throw new IllegalArgumentException("requisite must be 9 digits");
    }
    this.name = name.strip();
    this.requisite = requisite;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String requisite() {
    return requisite;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

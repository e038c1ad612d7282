package dev.escrow.bank.domain.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A person who holds accounts at one or more of the simulated banks. */
@Entity
@Table(name = "customer")
public class Customer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "full_name", nullable = false, length = 200)
  private String fullName;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(nullable = false, length = 32)
  private String phone;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Customer() {}

  public Customer(String fullName, String email, String phone, Instant createdAt) {
    this.fullName = requireText(fullName, "fullName");
    this.email = requireText(email, "email");
    this.phone = requireText(phone, "phone");
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value.strip();
  }

  public Long id() {
    return id;
  }

  public String fullName() {
    return fullName;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }
}

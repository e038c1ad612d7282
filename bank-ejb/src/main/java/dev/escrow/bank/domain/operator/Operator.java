package dev.escrow.bank.domain.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The bank's back-office operator; the server's BankRealm signs them in. */
@Entity
@Table(name = "operator")
public class Operator {

  public static final String LOGIN = "operator";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String login;

  @Column(name = "password_hash", nullable = false, length = 100)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Operator() {}

  public Operator(String passwordHash, Instant createdAt) {
    this.login = LOGIN;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  public String login() {
    return login;
  }
}

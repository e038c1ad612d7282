package dev.escrow.marketplace.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A person who signs in to the marketplace: the built-in administrator or a client. */
@Entity
@Table(name = "app_user")
public class User {

  public static final String ADMIN_LOGIN = "admin";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String login;

  @Column(name = "full_name", nullable = false, length = 200)
  private String fullName;

  @Column(name = "password_hash", nullable = false, length = 100)
  private String passwordHash;

  @Column(nullable = false, length = 16)
  private Role role;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected User() {}

  private User(String login, String fullName, String passwordHash, Role role, Instant createdAt) {
    this.login = requireText(login, "login");
    this.fullName = requireText(fullName, "full name");
    this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
    this.role = Objects.requireNonNull(role, "role");
    this.createdAt = Objects.requireNonNull(createdAt, "created at");
  }

  public static User administrator(String passwordHash, Instant now) {
    return new User(ADMIN_LOGIN, "Administrator", passwordHash, Role.ADMIN, now);
  }

  public static User client(String login, String fullName, String passwordHash, Instant now) {
    return new User(login, fullName, passwordHash, Role.CLIENT, now);
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value.strip();
  }

  public Long id() {
    return id;
  }

  public String login() {
    return login;
  }

  public String fullName() {
    return fullName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

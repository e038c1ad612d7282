package dev.escrow.marketplace.domain.account;

import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.marketplace.domain.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A client's own account at a bank, bound after the bank confirmed that it holds it. Buyers pay
 * from it; sellers are paid into it.
 */
@Entity
@Table(name = "client_account")
public class ClientAccount {

  /** The bank service's form: its 3-digit code and 10 upper-case hex digits. */
  public static final String NUMBER_PATTERN = "\\d{3}[0-9A-F]{10}";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "owner_id")
  private User owner;

  @ManyToOne(optional = false)
  @JoinColumn(name = "bank_id")
  private Bank bank;

  @Column(nullable = false, length = 32)
  private String number;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected ClientAccount() {}

  public ClientAccount(User owner, Bank bank, String number, Instant createdAt) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.bank = Objects.requireNonNull(bank, "bank");
    if (number == null || !number.matches(NUMBER_PATTERN)) {
      throw new IllegalArgumentException("account number is not valid");
    }
    this.number = number;
    this.createdAt = Objects.requireNonNull(createdAt, "created at");
  }

  public Long id() {
    return id;
  }

  public User owner() {
    return owner;
  }

  public boolean belongsTo(long userId) {
    return owner.id() == userId;
  }

  public Bank bank() {
    return bank;
  }

  public String number() {
    return number;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

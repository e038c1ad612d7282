package dev.escrow.bank.domain.account;

import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.customer.Customer;
import dev.escrow.platform.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's account at one bank. {@code balance} is spendable; {@code held} was credited by
 * transfers whose operation is not settled yet. Neither ever goes below zero. Every change goes
 * through a method that the ledger records; callers lock the row first (PESSIMISTIC_WRITE).
 */
@Entity
@Table(name = "account")
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 13)
  private String number;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "bank_id")
  private Bank bank;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money balance;

  @Column(nullable = false, precision = 19, scale = 2)
  private Money held;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Account() {}

  public Account(AccountNumber number, Bank bank, Customer customer, Instant createdAt) {
    if (!number.value().startsWith(bank.code())) {
      throw new IllegalArgumentException("An account number starts with its bank's code");
    }
    this.number = number.value();
    this.bank = Objects.requireNonNull(bank);
    this.customer = Objects.requireNonNull(customer);
    this.balance = Money.ZERO;
    this.held = Money.ZERO;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** Money in: a deposit, a returned transfer, a released hold or a commission. */
  public void credit(Money amount) {
    requirePositive(amount);
    balance = balance.plus(amount);
  }

  /** Money out of the spendable balance; refused whole when the balance does not cover it. */
  public void debit(Money amount) {
    requirePositive(amount);
    if (balance.isLessThan(amount)) {
      throw new InsufficientFundsException("insufficient funds");
    }
    balance = balance.minus(amount);
  }

  public boolean canPay(Money amount) {
    return !balance.isLessThan(amount);
  }

  /** A transfer's money arrives but is not spendable until its operation is settled. */
  public void hold(Money amount) {
    requirePositive(amount);
    held = held.plus(amount);
  }

  /** Held money leaves the hold (settled into the balance or returned to the payer). */
  public void releaseHold(Money amount) {
    requirePositive(amount);
    if (held.isLessThan(amount)) {
      throw new IllegalStateException("Account " + number + " holds less than " + amount);
    }
    held = held.minus(amount);
  }

  private static void requirePositive(Money amount) {
    if (amount == null || !amount.isPositive()) {
      throw new IllegalArgumentException("The amount must be greater than zero");
    }
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public Bank bank() {
    return bank;
  }

  public Customer customer() {
    return customer;
  }

  public Money balance() {
    return balance;
  }

  public Money held() {
    return held;
  }

  public boolean isAtSameBankAs(Account other) {
    return bank.id().equals(other.bank.id());
  }
}

package dev.escrow.bank.domain;

import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.account.AccountNumber;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.customer.Customer;
import dev.escrow.bank.domain.fee.FeeIncome;
import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.platform.money.Money;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Domain objects for plain unit tests, with the ids the database would give them. */
public final class Fixtures {

  private static final AtomicLong IDS = new AtomicLong(1);
  public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private Fixtures() {}

  public static Bank bank(String code) {
    try {
      Constructor<Bank> constructor = Bank.class.getDeclaredConstructor();
      constructor.setAccessible(true);
      Bank bank = constructor.newInstance();
      set(bank, "id", IDS.getAndIncrement());
      set(bank, "code", code);
      set(bank, "requisite", "000000" + code);
      set(bank, "name", "Bank " + code);
      return bank;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Account account(Bank bank) {
    Customer customer = new Customer("Test Holder", "holder@test.example", "+7 900 000-00-00", NOW);
    set(customer, "id", IDS.getAndIncrement());
    Account account =
        new Account(AccountNumber.random(bank.code(), new SecureRandom()), bank, customer, NOW);
    set(account, "id", IDS.getAndIncrement());
    return account;
  }

  public static ApiClient partner() {
    ApiClient client = new ApiClient("marketplace", "hash", NOW);
    set(client, "id", IDS.getAndIncrement());
    return client;
  }

  /** The first bank's fee income, empty. */
  public static FeeIncome feeIncome() {
    return feeIncome(null);
  }

  /** A part of this bank's fee income (of bank id 1 when null), empty. */
  public static FeeIncome feeIncome(Bank bank) {
    try {
      Constructor<FeeIncome> constructor = FeeIncome.class.getDeclaredConstructor();
      constructor.setAccessible(true);
      FeeIncome income = constructor.newInstance();
      set(income, "bankId", bank == null ? 1L : bank.id());
      set(income, "part", 0);
      set(income, "amount", Money.ZERO);
      return income;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void set(Object target, String name, Object value) {
    try {
      Field field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      field.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}

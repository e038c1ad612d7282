package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.NewAccount;
import dev.escrow.bank.application.Requests.NewCustomer;
import dev.escrow.bank.application.Requests.NewDeposit;
import dev.escrow.bank.application.Views.AccountView;
import dev.escrow.bank.application.Views.CustomerView;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.account.AccountNumber;
import dev.escrow.bank.domain.account.AccountRepository;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.bank.BankRepository;
import dev.escrow.bank.domain.customer.Customer;
import dev.escrow.bank.domain.customer.CustomerRepository;
import dev.escrow.bank.domain.ledger.Ledger;
import dev.escrow.bank.domain.ledger.Posting;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.problem.InvalidInputException;
import dev.escrow.platform.problem.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** The operator's use cases: register customers, open accounts, take deposits, look up. */
@Stateless
public class BackOfficeService {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NUMBER_TRIES = 20;

  @Inject CustomerRepository customers;
  @Inject AccountRepository accounts;
  @Inject BankRepository banks;
  @Inject Ledger ledger;
  @Inject Clock clock;

  public CustomerView registerCustomer(@NotNull @Valid NewCustomer request) {
    Customer customer =
        customers.add(
            new Customer(request.fullName(), request.email(), request.phone(), clock.instant()));
    return CustomerView.of(customer);
  }

  /** Opens an account with a fresh random number at the bank named by its requisite. */
  public AccountView openAccount(long customerId, @NotNull @Valid NewAccount request) {
    Customer customer =
        customers.byId(customerId).orElseThrow(() -> new NotFoundException("No such customer"));
    Bank bank =
        banks
            .byRequisite(request.bankRequisite())
            .orElseThrow(
                () -> new InvalidInputException("bankRequisite", "no bank has this requisite"));
    Account account = accounts.add(new Account(freshNumber(bank), bank, customer, clock.instant()));
    return AccountView.of(account);
  }

  /** A number no account has yet: random, retried on the (rare) collision. */
  AccountNumber freshNumber(Bank bank) {
    for (int i = 0; i < NUMBER_TRIES; i++) {
      AccountNumber number = AccountNumber.random(bank.code(), RANDOM);
      if (!accounts.numberTaken(number)) {
        return number;
      }
    }
    throw new IllegalStateException("No free account number after " + NUMBER_TRIES + " tries");
  }

  public AccountView deposit(String number, @NotNull @Valid NewDeposit request) {
    Money amount = Money.positive(request.amount());
    Account account = lockedAccount(number);
    ledger.post(Posting.deposit(account, amount, clock.instant()));
    return AccountView.of(account);
  }

  public AccountView account(String number) {
    return AccountView.of(
        accounts.byNumber(number).orElseThrow(() -> new NotFoundException("No such account")));
  }

  public List<CustomerView> findCustomers(String text) {
    return customers.search(text, 100).stream().map(CustomerView::of).toList();
  }

  /** The accounts of a customer; an unknown customer is 404, not an empty list. */
  public List<AccountView> accountsOf(long customerId) {
    customers.byId(customerId).orElseThrow(() -> new NotFoundException("No such customer"));
    return accounts.ofCustomer(customerId).stream().map(AccountView::of).toList();
  }

  public List<AccountView> findAccounts(String numberPrefix) {
    return accounts.search(numberPrefix, 100).stream().map(AccountView::of).toList();
  }

  private Account lockedAccount(String number) {
    Account found =
        accounts.byNumber(number).orElseThrow(() -> new NotFoundException("No such account"));
    return accounts.lock(found.id());
  }
}

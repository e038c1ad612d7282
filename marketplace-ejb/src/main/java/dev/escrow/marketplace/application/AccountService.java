package dev.escrow.marketplace.application;

import dev.escrow.marketplace.application.bank.BankGateway;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.account.ClientAccountRepository;
import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.marketplace.domain.bank.BankRepository;
import dev.escrow.marketplace.domain.user.User;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** A client's own bank accounts: bound after the bank confirms it holds them. */
@Stateless
public class AccountService {

  @Inject Callers callers;
  @Inject ClientAccountRepository accounts;
  @Inject BankRepository banks;
  @Inject BankGateway bankClient;
  @Inject Clock clock;

  public ClientAccount bindAccount(@NotNull String login, @NotNull @Valid NewAccount request) {
    User owner = callers.byLogin(login);
    String number = request.number().strip().toUpperCase(Locale.ROOT);
    Bank bank =
        banks
            .findById(Long.parseLong(request.bankId()))
            .orElseThrow(() -> new InvalidInputException("bankId", "is not a known bank"));
    if (accounts.bound(bank.id(), number)) {
      throw new BusinessConflictException("number", "This account is already bound");
    }
    if (!bankClient.holdsAccount(number, bank.requisite())) {
      throw new InvalidInputException("number", "The bank does not hold this account");
    }
    return accounts.add(new ClientAccount(owner, bank, number, clock.instant()));
  }

  /** One of the caller's own accounts; anybody else's is "not found". */
  public ClientAccount ownAccount(@NotNull String login, long accountId) {
    return accounts
        .findOwned(accountId, callers.byLogin(login).id())
        .orElseThrow(() -> new UnknownObjectException("Account"));
  }

  public List<ClientAccount> accountsOf(@NotNull String login) {
    return accounts.ofOwner(callers.byLogin(login).id());
  }
}

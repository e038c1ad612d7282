package dev.escrow.marketplace.application;

import dev.escrow.marketplace.application.bank.Authorization;
import dev.escrow.marketplace.application.bank.Balance;
import dev.escrow.marketplace.application.bank.BankGateway;
import dev.escrow.marketplace.application.bank.BankRefusedException;
import dev.escrow.marketplace.application.bank.CodeCheck;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.account.ClientAccountRepository;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * A client looks at the balance of one of their accounts: the bank shows it only after the holder's
 * one-time code, and once per code. The marketplace keeps nothing of it.
 */
@Stateless
public class AccountBalanceService {

  @Inject Callers callers;
  @Inject ClientAccountRepository accounts;
  @Inject BankGateway bank;

  public Authorization requestCode(String login, long accountId) {
    return bank.requestBalanceCode(own(login, accountId).number());
  }

  public Balance balance(String login, long accountId, String authorizationId, String code) {
    ClientAccount account = own(login, accountId);
    if (code == null || !code.strip().matches("\\d{6}")) {
      throw new InvalidInputException("code", "must be the 6 digits from the e-mail");
    }
    CodeCheck check = bank.verifyCode(authorizationId, code.strip());
    if (check.refusal() != null) {
      throw new StateConflictException(check.refusal());
    }
    if (!check.accepted()) {
      throw new WrongCodeException(check.attemptsLeft());
    }
    try {
      return bank.balance(account.number(), authorizationId);
    } catch (BankRefusedException refused) {
      throw new StateConflictException(refused.getMessage());
    }
  }

  private ClientAccount own(String login, long accountId) {
    return accounts
        .findOwned(accountId, callers.byLogin(login).id())
        .orElseThrow(() -> new UnknownObjectException("Account"));
  }
}

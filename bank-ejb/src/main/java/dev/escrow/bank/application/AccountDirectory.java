package dev.escrow.bank.application;

import dev.escrow.bank.domain.account.AccountRepository;
import dev.escrow.platform.problem.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Tells a partner whether a bank holds an account (no balance, no holder's data). */
@Stateless
public class AccountDirectory {

  @Inject AccountRepository accounts;

  public record AccountReference(String number, String bankRequisite) {}

  public AccountReference find(String number, String bankRequisite) {
    return accounts
        .byNumber(number)
        .filter(a -> a.bank().requisite().equals(bankRequisite))
        .map(a -> new AccountReference(a.number(), a.bank().requisite()))
        .orElseThrow(() -> new NotFoundException("That bank holds no such account"));
  }
}

package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.AccountBalanceService;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.application.WrongCodeException;
import dev.escrow.marketplace.application.bank.Authorization;
import dev.escrow.marketplace.application.bank.Balance;
import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Cabinet: the balance of one of my accounts, after the code the bank mails to the holder. */
@Named
@ViewScoped
public class AccountBalanceView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccountBalanceService balances;

  private Long accountId;
  private String accountNumber;
  private String authorizationId;
  private String sentTo;
  private String code;
  private String balance;
  private String held;

  public void requestCode(long id, String number) {
    balance = null;
    held = null;
    try {
      Authorization authorization = balances.requestCode(Faces.getRemoteUser(), id);
      accountId = id;
      accountNumber = number;
      authorizationId = authorization.id();
      sentTo = authorization.sentTo();
      Messages.addGlobalInfo("deal.codeSent", sentTo);
    } catch (UnknownObjectException e) {
      Messages.addGlobalError("deal.accountUnknown");
    } catch (BankUnavailableException e) {
      Messages.addGlobalError("deal.bankAway");
    }
  }

  public void show() {
    if (authorizationId == null) {
      return;
    }
    try {
      Balance shown = balances.balance(Faces.getRemoteUser(), accountId, authorizationId, code);
      balance = shown.balance().toString();
      held = shown.held().toString();
      authorizationId = null;
      code = null;
    } catch (InvalidInputException e) {
      Messages.addError("balanceForm:code", "deal.codeFormat");
    } catch (WrongCodeException e) {
      Messages.addError("balanceForm:code", "deal.wrongCode", e.attemptsLeft());
    } catch (StateConflictException e) {
      authorizationId = null;
      Messages.addGlobalError("deal.codeRefused");
    } catch (BankUnavailableException e) {
      Messages.addGlobalError("deal.bankAway");
    }
  }

  public boolean isAwaitingCode() {
    return authorizationId != null;
  }

  public String getAccountNumber() {
    return accountNumber;
  }

  public String getSentTo() {
    return sentTo;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getBalance() {
    return balance;
  }

  public String getHeld() {
    return held;
  }
}

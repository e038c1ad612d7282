package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.AccountService;
import dev.escrow.marketplace.application.BankService;
import dev.escrow.marketplace.application.BusinessConflictException;
import dev.escrow.marketplace.application.NewAccount;
import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Cabinet: my settlement accounts; bind one (number + bank). */
@Named
@RequestScoped
public class AccountsView {

  @Inject AccountService accounts;
  @Inject BankService banks;

  private String number;
  private Long bankId;
  private List<ClientAccount> mine;
  private List<Bank> allBanks;

  public void bind() {
    try {
      ClientAccount bound =
          accounts.bindAccount(
              Faces.getRemoteUser(), new NewAccount(number, String.valueOf(bankId)));
      Messages.addGlobalInfo("accounts.bound", bound.number(), bound.bank().name());
      number = null;
      mine = null;
    } catch (BusinessConflictException e) {
      Messages.addError("accountForm:number", "accounts.alreadyBound");
    } catch (InvalidInputException e) {
      Messages.addError(
          "bankId".equals(e.field()) ? "accountForm:bank" : "accountForm:number",
          "bankId".equals(e.field()) ? "accounts.unknownBank" : "accounts.notHeld");
    } catch (BankUnavailableException e) {
      Messages.addGlobalError("bank.unavailable");
    }
  }

  public List<ClientAccount> getMine() {
    if (mine == null) {
      mine = accounts.accountsOf(Faces.getRemoteUser());
    }
    return mine;
  }

  public List<Bank> getBanks() {
    if (allBanks == null) {
      allBanks = banks.banks();
    }
    return allBanks;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public Long getBankId() {
    return bankId;
  }

  public void setBankId(Long bankId) {
    this.bankId = bankId;
  }
}

package dev.escrow.bank.interfaces.web;

import dev.escrow.bank.application.BackOfficeService;
import dev.escrow.bank.application.Requests.NewDeposit;
import dev.escrow.bank.application.Views.AccountView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.omnifaces.util.Messages;

/** Find accounts by number, see one, take a deposit. */
@Named
@ViewScoped
public class AccountPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject BackOfficeService backOffice;

  private String number;
  private List<AccountView> found = List.of();
  private AccountView account;
  private BigDecimal amount;

  public void find() {
    found = backOffice.findAccounts(number);
    if (found.size() == 1) {
      account = found.get(0);
    }
  }

  public void open(AccountView view) {
    account = Pages.attempt(() -> backOffice.account(view.number()));
  }

  public void deposit() {
    if (account == null) {
      return;
    }
    AccountView after =
        Pages.attempt(
            "accounts", () -> backOffice.deposit(account.number(), new NewDeposit(amount)));
    if (after != null) {
      Messages.addGlobalInfo("accounts.deposited", amount.toPlainString(), after.number());
      account = after;
      amount = null;
      // the list shows the new balance too (it kept the one from before the deposit)
      found = found.stream().map(a -> a.number().equals(after.number()) ? after : a).toList();
    }
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public List<AccountView> getFound() {
    return found;
  }

  public AccountView getAccount() {
    return account;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }
}

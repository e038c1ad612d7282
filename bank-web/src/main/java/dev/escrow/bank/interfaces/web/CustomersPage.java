package dev.escrow.bank.interfaces.web;

import dev.escrow.bank.application.BackOfficeService;
import dev.escrow.bank.application.Requests.NewAccount;
import dev.escrow.bank.application.Requests.NewCustomer;
import dev.escrow.bank.application.Views.AccountView;
import dev.escrow.bank.application.Views.CustomerView;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.bank.BankRepository;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Messages;

/** Find and register customers, see their accounts, open one. */
@Named
@ViewScoped
public class CustomersPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject BackOfficeService backOffice;
  @Inject BankRepository banks;

  private String query;
  private List<CustomerView> customers = List.of();
  private CustomerView selected;
  private List<AccountView> accounts = List.of();
  private String fullName;
  private String email;
  private String phone;
  private String bankRequisite;

  public void search() {
    customers = backOffice.findCustomers(query);
  }

  public void register() {
    CustomerView created =
        Pages.attempt(
            "customers",
            () -> backOffice.registerCustomer(new NewCustomer(fullName, email, phone)));
    if (created != null) {
      Messages.addGlobalInfo("customers.registered", created.fullName());
      fullName = email = phone = null;
      select(created);
    }
  }

  public void select(CustomerView customer) {
    selected = customer;
    accounts = backOffice.accountsOf(Long.parseLong(customer.id()));
  }

  public void openAccount() {
    if (selected == null) {
      return;
    }
    AccountView opened =
        Pages.attempt(
            "customers",
            () ->
                backOffice.openAccount(
                    Long.parseLong(selected.id()), new NewAccount(bankRequisite)));
    if (opened != null) {
      Messages.addGlobalInfo("customers.opened", opened.number());
      select(selected);
    }
  }

  public List<Bank> getBanks() {
    return banks.all();
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public List<CustomerView> getCustomers() {
    return customers;
  }

  public CustomerView getSelected() {
    return selected;
  }

  public List<AccountView> getAccounts() {
    return accounts;
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getBankRequisite() {
    return bankRequisite;
  }

  public void setBankRequisite(String bankRequisite) {
    this.bankRequisite = bankRequisite;
  }
}

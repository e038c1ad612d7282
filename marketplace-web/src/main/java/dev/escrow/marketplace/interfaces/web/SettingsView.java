package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.BankService;
import dev.escrow.marketplace.application.CommissionChange;
import dev.escrow.marketplace.application.NewAccount;
import dev.escrow.marketplace.application.SettingsService;
import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.marketplace.domain.settings.MarketplaceSettings;
import dev.escrow.platform.money.Percent;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Messages;

/** Admin: the default commission (optionally applied to every offer) and the settlement account. */
@Named
@RequestScoped
public class SettingsView {

  @Inject SettingsService settings;
  @Inject BankService banks;

  private MarketplaceSettings current;
  private Percent defaultCommission;
  private boolean applyToAllOffers;
  private String accountNumber;
  private Long bankId;
  private List<Bank> allBanks;

  @PostConstruct
  void load() {
    current = settings.settings();
    defaultCommission = current.defaultCommissionPercent();
    if (current.hasSettlementAccount()) {
      accountNumber = current.settlementAccountNumber();
      bankId = current.settlementBank().id();
    }
  }

  public void saveCommission() {
    CommissionChange change = settings.changeDefaultCommission(defaultCommission, applyToAllOffers);
    if (applyToAllOffers) {
      Messages.addGlobalInfo(
          "settings.commissionApplied",
          change.defaultCommissionPercent().toString(),
          change.offersUpdated());
    } else {
      Messages.addGlobalInfo(
          "settings.commissionSaved", change.defaultCommissionPercent().toString());
    }
    applyToAllOffers = false;
    current = settings.settings();
  }

  public void saveSettlementAccount() {
    try {
      current =
          settings.changeSettlementAccount(new NewAccount(accountNumber, String.valueOf(bankId)));
      Messages.addGlobalInfo("settings.accountSaved", current.settlementAccountNumber());
    } catch (InvalidInputException e) {
      Messages.addError(
          "bankId".equals(e.field()) ? "accountForm:bank" : "accountForm:number",
          "bankId".equals(e.field()) ? "accounts.unknownBank" : "accounts.notHeld");
    } catch (BankUnavailableException e) {
      Messages.addGlobalError("bank.unavailable");
    }
  }

  public MarketplaceSettings getCurrent() {
    return current;
  }

  public List<Bank> getBanks() {
    if (allBanks == null) {
      allBanks = banks.banks();
    }
    return allBanks;
  }

  public Percent getDefaultCommission() {
    return defaultCommission;
  }

  public void setDefaultCommission(Percent defaultCommission) {
    this.defaultCommission = defaultCommission;
  }

  public boolean isApplyToAllOffers() {
    return applyToAllOffers;
  }

  public void setApplyToAllOffers(boolean applyToAllOffers) {
    this.applyToAllOffers = applyToAllOffers;
  }

  public String getAccountNumber() {
    return accountNumber;
  }

  public void setAccountNumber(String accountNumber) {
    this.accountNumber = accountNumber;
  }

  public Long getBankId() {
    return bankId;
  }

  public void setBankId(Long bankId) {
    this.bankId = bankId;
  }
}

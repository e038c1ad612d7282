package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.BankService;
import dev.escrow.marketplace.application.BusinessConflictException;
import dev.escrow.marketplace.application.NewBank;
import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Messages;

/** Admin: register a bank the bank service knows; the list of registered banks. */
@Named
@RequestScoped
public class BanksView {

  @Inject BankService banks;

  private String name;
  private String requisite;
  private List<Bank> all;

  public void register() {
    try {
      Bank bank = banks.registerBank(new NewBank(name, requisite));
      Messages.addGlobalInfo("banks.created", bank.name(), bank.requisite());
      name = null;
      requisite = null;
      all = null;
    } catch (BusinessConflictException e) {
      Messages.addError(
          "bankForm:" + ("name".equals(e.field()) ? "name" : "requisite"),
          "name".equals(e.field()) ? "banks.nameTaken" : "banks.requisiteTaken");
    } catch (InvalidInputException e) {
      Messages.addError("bankForm:requisite", "banks.unknownRequisite");
    } catch (BankUnavailableException e) {
      Messages.addGlobalError("bank.unavailable");
    }
  }

  public List<Bank> getAll() {
    if (all == null) {
      all = banks.banks();
    }
    return all;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRequisite() {
    return requisite;
  }

  public void setRequisite(String requisite) {
    this.requisite = requisite;
  }
}

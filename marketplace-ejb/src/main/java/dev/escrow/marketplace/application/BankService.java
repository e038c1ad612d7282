package dev.escrow.marketplace.application;

import dev.escrow.marketplace.application.bank.BankGateway;
import dev.escrow.marketplace.application.bank.BankInfo;
import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.marketplace.domain.bank.BankRepository;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;

/** The banks the marketplace works with: registered by the administrator, listed to everybody. */
@Stateless
public class BankService {

  @Inject BankRepository banks;
  @Inject BankGateway bankClient;
  @Inject Clock clock;

  /** Registers a bank after the bank service confirmed that it knows the requisite. */
  public Bank registerBank(@NotNull @Valid NewBank bank) {
    String requisite = bank.requisite().strip();
    if (banks.requisiteTaken(requisite)) {
      throw new BusinessConflictException("requisite", "A bank with this requisite is registered");
    }
    if (banks.nameTaken(bank.name())) {
      throw new BusinessConflictException("name", "A bank with this name is registered");
    }
    boolean known = bankClient.banks().stream().anyMatch(b -> requisite.equals(b.requisite()));
    if (!known) {
      throw new InvalidInputException("requisite", "The bank service knows no such requisite");
    }
    return banks.add(new Bank(bank.name(), requisite, clock.instant()));
  }

  public List<Bank> banks() {
    return banks.all();
  }

  /** The banks the bank service serves, for the administrator to pick from. */
  public List<BankInfo> banksOfTheBankService() {
    return bankClient.banks();
  }
}

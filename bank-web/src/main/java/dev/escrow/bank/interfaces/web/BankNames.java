package dev.escrow.bank.interfaces.web;

import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.bank.domain.bank.BankRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code #{bankNames.of(requisite)}}: a bank's name where the pages had its 9-digit requisite. */
@Named
@RequestScoped
public class BankNames {

  @Inject BankRepository banks;

  private Map<String, String> names;

  public String of(String requisite) {
    if (names == null) {
      names =
          banks.all().stream().collect(Collectors.toMap(Bank::requisite, Bank::name, (a, b) -> a));
    }
    return names.getOrDefault(requisite, requisite);
  }
}

package dev.escrow.marketplace.application;

import dev.escrow.marketplace.application.bank.BankGateway;
import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.marketplace.domain.bank.BankRepository;
import dev.escrow.marketplace.domain.offer.OfferRepository;
import dev.escrow.marketplace.domain.settings.MarketplaceSettings;
import dev.escrow.marketplace.domain.settings.SettingsRepository;
import dev.escrow.platform.money.Percent;
import dev.escrow.platform.problem.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Locale;

/** The marketplace's own settings: the default commission and the settlement account. */
@Stateless
public class SettingsService {

  @Inject SettingsRepository settings;
  @Inject OfferRepository offers;
  @Inject BankRepository banks;
  @Inject BankGateway bankClient;
  @Inject Clock clock;

  public MarketplaceSettings settings() {
    return settings.current();
  }

  /**
   * Sets the default commission; with {@code applyToAllOffers} also every existing offer's, in the
   * same transaction (open deals keep the percent they copied).
   */
  public CommissionChange changeDefaultCommission(
      @NotNull Percent percent, boolean applyToAllOffers) {
    int updated = applyToAllOffers ? offers.setCommissionOnAll(percent, clock.instant()) : 0;
    settings.forUpdate().changeDefaultCommission(percent);
    return new CommissionChange(percent, updated);
  }

  /** Sets the marketplace's settlement account after the bank confirmed it holds it. */
  public MarketplaceSettings changeSettlementAccount(@NotNull @Valid NewAccount account) {
    String number = account.number().strip().toUpperCase(Locale.ROOT);
    Bank bank =
        banks
            .findById(Long.parseLong(account.bankId()))
            .orElseThrow(() -> new InvalidInputException("bankId", "is not a known bank"));
    if (!bankClient.holdsAccount(number, bank.requisite())) {
      throw new InvalidInputException("number", "The bank does not hold this account");
    }
    MarketplaceSettings current = settings.forUpdate();
    current.changeSettlementAccount(number, bank);
    return current;
  }
}

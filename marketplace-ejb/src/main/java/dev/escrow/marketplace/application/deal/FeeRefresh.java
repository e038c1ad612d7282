package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.application.bank.BankGateway;
import dev.escrow.marketplace.domain.fee.FeeCache;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/** Copies the bank's fee schedule into the marketplace's fee cache, in one transaction. */
@Stateless
public class FeeRefresh {

  @Inject BankGateway bank;
  @Inject FeeCache cache;
  @Inject Clock clock;

  /**
   * @return how many routes the cache now holds
   */
  public int refresh() {
    return cache.replaceWith(bank.fees(), clock.instant());
  }
}

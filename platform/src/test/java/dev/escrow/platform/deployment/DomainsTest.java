package dev.escrow.platform.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DomainsTest {

  @Test
  void theCombinedEarCarriesBoth() {
    assertTrue(Domains.carries("marketplace bank", Domains.MARKETPLACE));
    assertTrue(Domains.carries(" marketplace  bank ", Domains.BANK));
  }

  @Test
  void anEarOfOneDomainCarriesNotTheOther() {
    assertTrue(Domains.carries("marketplace", Domains.MARKETPLACE));
    assertFalse(Domains.carries("marketplace", Domains.BANK));
    assertFalse(Domains.carries("bank", Domains.MARKETPLACE));
    assertFalse(Domains.carries("bankmarketplace", Domains.BANK));
    assertFalse(Domains.carries(null, Domains.BANK));
  }
}

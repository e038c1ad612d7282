package dev.escrow.marketplace.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DealStatusCodeTest {

  @Test
  void aCodeIsTheNameInUpperCaseLatin() {
    assertEquals("NA_PROVERKE", DealStatusService.codeFor("На проверке"));
    assertEquals("OZHIDAET_DOSTAVKI", DealStatusService.codeFor("  ожидает доставки! "));
    assertEquals("WAITING_FOR_CAFE", DealStatusService.codeFor("Waiting for café"));
    assertEquals("STATUS", DealStatusService.codeFor("!!!"));
  }
}

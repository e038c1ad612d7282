package dev.escrow.marketplace.infrastructure.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankWhereaboutsTest {

  @Test
  void nothingSetNamesAllThreeVariables() {
    assertEquals(
        List.of(
            "MARKETPLACE_BANK_URL", "MARKETPLACE_BANK_API_KEY", "MARKETPLACE_BANK_CALLBACK_SECRET"),
        BankWhereabouts.missing(name -> Optional.empty()));
  }

  @Test
  void aBlankValueIsMissingAndASetOneIsNot() {
    Map<String, String> set =
        Map.of(
            "marketplace.bank.url",
            "http://bank.example/bank/api/v1",
            "marketplace.bank.api-key",
            " ");
    assertEquals(
        List.of("MARKETPLACE_BANK_API_KEY", "MARKETPLACE_BANK_CALLBACK_SECRET"),
        BankWhereabouts.missing(name -> Optional.ofNullable(set.get(name))));
  }

  @Test
  void allSetNamesNone() {
    assertEquals(List.of(), BankWhereabouts.missing(name -> Optional.of("x")));
  }
}

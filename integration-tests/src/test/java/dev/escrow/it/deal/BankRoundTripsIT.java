package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.BankProxy;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many HTTP requests the marketplace sends the bank for one payment that pays a deal in full,
 * from the code request to the settlement, counted by the suite's proxy: the code, the transfer
 * that brings it (checked and used by the bank in one step) and the settlement; the outcome comes
 * by the bank's callback, so no poll is needed.
 */
class BankRoundTripsIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  @Test
  void aPaymentInFullTakesThreeRequestsToTheBank() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "500.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    BankProxy bank = BankProxy.shared();
    bank.forgetRequestLines();

    String id = PaymentFlowIT.pay(mail, buyer, deal, "100.00").getString("id");
    Market.await(
        buyer.api(),
        "/api/v1/payments/" + id,
        p -> p.getString("status").equals("SUCCEEDED"),
        Market.PATIENCE);
    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "95.00");
    assertEquals(new BigDecimal("400.00"), Market.balance(buyer.accountNumber()));

    List<String> lines =
        bank.requestLines().stream().filter(l -> !l.contains("/partner/fees")).toList();
    System.out.printf(
        "FIGURE HTTP requests marketplace -> bank for one payment in full: %d %s%n",
        lines.size(), lines);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("POST") && l.endsWith("/settlement")));
    assertTrue(lines.stream().noneMatch(l -> l.endsWith("/verification")), lines.toString());
    assertEquals(3, lines.size(), "code, transfer with the code, settlement: " + lines);
  }
}

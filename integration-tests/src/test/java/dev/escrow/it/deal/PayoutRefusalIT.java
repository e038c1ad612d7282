package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankProxy;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import dev.escrow.it.support.ServerLog;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A payout the bank refuses for good is shown to the administrator and not asked for again by
 * itself: while the marketplace's settlement cannot reach the bank (the suite's proxy drops it),
 * the deal's operation is reversed at the bank directly, so the settlement the marketplace then
 * sends is refused (409, the operation was reversed). The deal keeps the bank's reason in {@code
 * payoutRefusal}, the money log says it once, the re-drive leaves it alone, and the administrator's
 * retry asks the bank once more.
 */
class PayoutRefusalIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  private static final String KEY = "test-bank-api-key";

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  @AfterEach
  void theBankIsBack() {
    BankProxy.shared().back();
  }

  @Test
  void aSettlementTheBankRefusesForGoodWaitsForTheAdministrator() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "500.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    BankProxy bank = BankProxy.shared();
    bank.block("/settlement");
    ServerLog log = ServerLog.mark();

    PaymentFlowIT.pay(mail, buyer, deal, "100.00");
    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    JsonObject due = Market.awaitAdminDeal(deal, d -> d.containsKey("operationKey"));
    assertEquals("SETTLE_DUE", due.getString("payout"));
    assertFalse(due.containsKey("payoutRefusal"), due.toString());
    String operation = due.getString("operationKey");

    // At the bank, the operation is reversed: it can never be settled now.
    Api.Reply reversed =
        Api.anonymous()
            .send(
                "POST",
                "/bank/api/v1/partner/operations/" + operation + "/reversal",
                "{}",
                Map.of("X-Api-Key", KEY, "Content-Type", "application/json"));
    assertEquals(200, reversed.status(), reversed.body());
    assertEquals("REVERSED", reversed.json().getString("status"));

    bank.back();
    JsonObject refused = Market.awaitAdminDeal(deal, d -> d.containsKey("payoutRefusal"));
    assertEquals("SETTLE_DUE", refused.getString("payout"), "the money was not paid out");
    assertTrue(
        refused.getString("payoutRefusal").contains("reversed"),
        "the bank's reason: " + refused.getString("payoutRefusal"));
    assertTrue(refused.containsKey("payoutRefusedAt"), refused.toString());
    String line =
        log.awaitLine(
            "dev.escrow.marketplace.money",
            "payout refused by the bank: deal=" + deal + " ",
            Duration.ofSeconds(30));
    assertTrue(line.contains("kind=settlement"), line);

    // The re-drive (the refund sweep's second step) does not queue it again.
    bank.forgetRequestLines();
    runRefundSweep();
    assertEquals(
        1,
        log.linesSince().stream()
            .filter(l -> l.contains("payout refused by the bank: deal=" + deal + " "))
            .count(),
        "logged once");
    assertTrue(
        bank.requestLines().stream().noneMatch(l -> l.contains(operation)),
        "not asked again: " + bank.requestLines());

    // The administrator asks again: the bank is asked once more, and refuses again.
    Api.Reply retried = Api.admin().post("/api/v1/admin/deals/" + deal + "/payout-retry", "");
    assertEquals(200, retried.status(), retried.body());
    assertFalse(retried.json().containsKey("payoutRefusal"), retried.body());
    Market.awaitAdminDeal(deal, d -> d.containsKey("payoutRefusal"));
    assertTrue(
        bank.requestLines().stream()
            .anyMatch(l -> l.contains(operation) && l.endsWith("/settlement")),
        "asked again: " + bank.requestLines());
    // Nothing refused, nothing to retry; no such deal.
    String other = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "10.00", "PT1H", "5"));
    assertEquals(
        409, Api.admin().post("/api/v1/admin/deals/" + other + "/payout-retry", "").status());
    assertEquals(404, Api.admin().post("/api/v1/admin/deals/987654321/payout-retry", "").status());
  }

  private static void runRefundSweep() {
    Api.Reply job = Api.admin().post("/api/v1/admin/jobs/refund-sweep", "");
    assertEquals(202, job.status(), job.body());
    Market.await(
        Api.admin(),
        "/api/v1/admin/jobs/" + job.json().getString("executionId"),
        j -> j.getString("status").equals("COMPLETED"),
        Market.PATIENCE);
  }
}

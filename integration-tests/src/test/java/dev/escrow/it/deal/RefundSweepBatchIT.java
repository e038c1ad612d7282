package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankProxy;
import dev.escrow.it.support.ClockOffset;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import dev.escrow.it.support.ServerLog;
import dev.escrow.it.support.Waiting;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The refund sweep returns the money of many expired deals in batches, not one request per deal:
 * the requests the marketplace sends the bank are counted by the suite's proxy, as {@link
 * BankRoundTripsIT} counts a payment's. One of the deals has its operation settled at the bank
 * beforehand, so the bank refuses its reversal for good: the others are returned all the same, and
 * the refused one waits for the administrator as a refused settlement does ({@link
 * PayoutRefusalIT}). The bank away during a sweep: {@link BankAwayIT}.
 */
class RefundSweepBatchIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  private static final String KEY = "test-bank-api-key";

  /** More deals than the sweep's partitions (4), so that one request per deal would show. */
  private static final int DEALS = 12;

  /** The sweep's partitions: each sends its own batches. */
  private static final int PARTITIONS = 4;

  @ArquillianResource ManagementClient management;

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  @AfterEach
  void theBankAndTheClockAreBack() throws Exception {
    BankProxy.shared().back();
    ClockOffset.reset(management);
  }

  @Test
  void manyExpiredDealsAreReturnedInBatchesAndARefusedOneStopsNoOther() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    List<String> deals = new ArrayList<>();
    for (int i = 0; i < DEALS; i++) {
      String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "20.00", "PT1M", "5"));
      PaymentFlowIT.pay(mail, buyer, deal, "10.00");
      deals.add(deal);
    }
    Instant dueAt = Instant.EPOCH;
    for (String deal : deals) {
      JsonObject paid = PaymentFlowIT.awaitDeal(buyer, deal, "IN_PROGRESS");
      Instant due = Instant.parse(paid.getString("dueAt"));
      dueAt = due.isAfter(dueAt) ? due : dueAt;
    }
    PaymentFlowIT.awaitBalance(buyer.accountNumber(), "880.00");

    // At the bank, one deal's operation is settled: it can never be reversed now.
    String refused = deals.get(DEALS / 2);
    String settledAtTheBank =
        Market.awaitAdminDeal(refused, d -> d.containsKey("operationKey"))
            .getString("operationKey");
    Api.Reply settled =
        Api.anonymous()
            .send(
                "POST",
                "/bank/api/v1/partner/operations/" + settledAtTheBank + "/settlement",
                "{\"commissionAmount\":\"0.00\"}",
                Map.of("X-Api-Key", KEY, "Content-Type", "application/json"));
    assertEquals(200, settled.status(), settled.body());
    assertEquals("SETTLED", settled.json().getString("status"));

    BankProxy bank = BankProxy.shared();
    bank.forgetRequestLines();
    int callbacksBefore = BankProxy.callbacks().requests().size();
    ServerLog log = ServerLog.mark();
    ClockOffset.moveTo(management, dueAt.plusSeconds(2));
    JsonObject job = runRefundSweep();

    for (String deal : deals) {
      if (!deal.equals(refused)) {
        awaitRefunded(buyer, deal);
      }
    }
    // Eleven payments of 10.00 came back; the settled one's went to the seller.
    PaymentFlowIT.awaitBalance(buyer.accountNumber(), "990.00");
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "10.00");

    JsonObject refusal = Market.awaitAdminDeal(refused, d -> d.containsKey("payoutRefusal"));
    assertEquals(
        "EXPIRED", refusal.getJsonObject("deal").getJsonObject("status").getString("code"));
    assertEquals("REVERSE_DUE", refusal.getString("payout"), "the money was not returned");
    assertTrue(
        refusal.getString("payoutRefusal").contains("settled"),
        "the bank's reason: " + refusal.getString("payoutRefusal"));
    String line =
        log.awaitLine(
            "dev.escrow.marketplace.money",
            "payout refused by the bank: deal=" + refused + " ",
            Duration.ofSeconds(30));
    assertTrue(line.contains("kind=reversal"), line);

    List<String> lines = bank.requestLines();
    long batches = lines.stream().filter(l -> l.endsWith("/partner/operations/reversals")).count();
    System.out.printf(
        "FIGURE HTTP requests marketplace -> bank for a sweep of %d expired deals: %d batches of"
            + " reversals %s (job: %s)%n",
        DEALS, batches, lines, job.getString("exitStatus", ""));
    assertTrue(
        lines.stream().noneMatch(l -> l.endsWith("/reversal")), "no reversal alone: " + lines);
    assertTrue(
        batches >= 1 && batches <= PARTITIONS,
        "at most one batch per partition for " + DEALS + " deals: " + lines);

    // The bank told the marketplace of the reversals it carried out together in one request each.
    Callable<List<String>> told =
        () ->
            BankProxy.callbacks().requests().stream()
                .skip(callbacksBefore)
                .filter(r -> r.body().contains("\"REVERSED\""))
                .map(r -> r.body())
                .toList();
    ToLongFunction<List<String>> events =
        bodies -> bodies.stream().mapToLong(b -> b.split("\"type\":", -1).length - 1).sum();
    List<String> reversedEvents =
        Waiting.lastRead(
            Market.PATIENCE,
            Duration.ofMillis(100),
            told,
            bodies -> events.applyAsLong(bodies) >= DEALS - 1);
    long eventsTold = events.applyAsLong(reversedEvents);
    System.out.printf(
        "FIGURE callback requests bank -> marketplace for %d reversed transfers: %d%n",
        eventsTold, reversedEvents.size());
    assertTrue(eventsTold >= DEALS - 1, "every reversal told: " + eventsTold);
    assertTrue(
        reversedEvents.size() <= PARTITIONS,
        "one callback request per batch of reversals: " + reversedEvents.size());

    // The refused reversal is not asked again by the next sweep; the administrator may retry it.
    bank.forgetRequestLines();
    runRefundSweep();
    assertTrue(
        bank.requestLines().stream().noneMatch(l -> l.contains("/partner/operations/")),
        "nothing left to return, nothing asked: " + bank.requestLines());
    Api.Reply retried = Api.admin().post("/api/v1/admin/deals/" + refused + "/payout-retry", "");
    assertEquals(200, retried.status(), retried.body());
    Market.awaitAdminDeal(refused, d -> d.containsKey("payoutRefusal"));
    assertTrue(
        bank.requestLines().stream()
            .anyMatch(l -> l.contains(settledAtTheBank) && l.endsWith("/reversal")),
        "asked again: " + bank.requestLines());
  }

  static void awaitRefunded(Person buyer, String deal) {
    Market.await(
        buyer.api(),
        "/api/v1/deals/" + deal,
        d ->
            d.getJsonObject("status").getString("code").equals("EXPIRED")
                && d.getJsonArray("payments").stream()
                    .map(JsonValue::asJsonObject)
                    .allMatch(p -> p.getString("status").equals("REFUNDED")),
        Market.PATIENCE);
  }

  static JsonObject runRefundSweep() {
    Api.Reply job = Api.admin().post("/api/v1/admin/jobs/refund-sweep", "");
    assertEquals(202, job.status(), job.body());
    return Market.await(
        Api.admin(),
        "/api/v1/admin/jobs/" + job.json().getString("executionId"),
        j -> j.getString("status").equals("COMPLETED"),
        Market.PATIENCE);
  }
}

package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankQueue;
import dev.escrow.it.support.ClockOffset;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import dev.escrow.it.support.ServerLog;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The timing rule: deals whose window is one minute (the shortest allowed), whose deadline the test
 * passes by moving the server's clock on ({@link ClockOffset}), not by waiting for it. A payment
 * confirmed before the deadline counts even when the bank carries it out after it; an unpaid deal
 * expires and its payments return; nothing is accepted after the deadline.
 *
 * <p>The bank's transfer queue is paused while the on-time payment waits, so that "carried out
 * after the deadline" holds however slow the machine is (a 25 s processing delay raced the sweep:
 * on a loaded machine the transfer could be carried out before the sweep looked), and the payment
 * is confirmed as soon as its deal exists, not 12 s before the deadline.
 */
class DeadlineIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  @ArquillianResource ManagementClient management;

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  @Test
  void lastSecondPaymentCountsWhileAnUnpaidDealExpiresAndReturnsEveryPayment() throws Exception {
    ServerLog log = ServerLog.mark();
    Person seller = Market.client(BANK_A, null);
    Person late = Market.client(BANK_A, "500.00");
    Person lastSecond = Market.client(BANK_A, "500.00");
    String expiring = PaymentFlowIT.buy(late, Market.activeOffer(seller, "100.00", "PT1M", "5"));
    PaymentFlowIT.pay(mail, late, expiring, "40.00");
    PaymentFlowIT.awaitDeal(late, expiring, "IN_PROGRESS");
    assertEquals(new BigDecimal("460.00"), Market.balance(late.accountNumber()));

    String punctualOffer = Market.activeOffer(seller, "50.00", "PT1M", "5");
    BankQueue.pause(management);
    try {
      String punctual = PaymentFlowIT.buy(lastSecond, punctualOffer);
      Instant dueAt =
          Instant.parse(
              lastSecond.api().get("/api/v1/deals/" + punctual).json().getString("dueAt"));
      JsonObject confirmed = PaymentFlowIT.pay(mail, lastSecond, punctual, "50.00");
      assertEquals("PROCESSING", confirmed.getString("status"));
      assertTrue(
          Instant.parse(confirmed.getString("paidAt")).isBefore(dueAt),
          "confirmed before the deadline: " + confirmed + ", due " + dueAt);

      // Past the deadline at once: the marketplace's clock is moved on, not waited for.
      ClockOffset.moveTo(management, dueAt.plusSeconds(2));
      runRefundSweep();
      // The on-time payment is still being carried out (its transfer waits in the paused queue):
      // its deal is not expired.
      JsonObject stillOpen = lastSecond.api().get("/api/v1/deals/" + punctual).json();
      assertEquals(
          "PROCESSING", stillOpen.getJsonArray("payments").getJsonObject(0).getString("status"));
      assertEquals("AWAITING_PAYMENT", stillOpen.getJsonObject("status").getString("code"));

      // After the deadline nothing more is accepted.
      Api.Reply tooLate =
          late.api()
              .post(
                  "/api/v1/deals/" + expiring + "/payments",
                  "{\"accountId\":\"" + late.accountId() + "\",\"amount\":\"60.00\"}");
      assertEquals(409, tooLate.status(), tooLate.body());

      BankQueue.resume(management);
      JsonObject completed = PaymentFlowIT.awaitDeal(lastSecond, punctual, "COMPLETED");
      assertEquals("0.00", completed.getString("remainingAmount"));
    } finally {
      BankQueue.resume(management);
      ClockOffset.reset(management);
    }

    JsonObject expired = PaymentFlowIT.awaitDeal(late, expiring, "EXPIRED");
    Market.await(
        late.api(),
        "/api/v1/deals/" + expiring,
        d ->
            d.getJsonArray("payments").stream()
                .map(JsonValue::asJsonObject)
                .allMatch(p -> p.getString("status").equals("REFUNDED")),
        Market.PATIENCE);
    PaymentFlowIT.awaitBalance(late.accountNumber(), "500.00");
    // The seller keeps only the completed deal's money, less its 5% commission; nothing stays held.
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "47.50");
    assertEquals(new BigDecimal("0.00"), Market.held(seller.accountNumber()));
    assertEquals(
        "ACTIVE",
        seller
            .api()
            .get("/api/v1/offers/" + expired.getString("offerId"))
            .json()
            .getString("status"));

    // The money log tells the expiry and the return, on both sides, with the operation's key.
    String expiry =
        log.awaitLine(
            "dev.escrow.marketplace.money",
            "deal expired: deal=" + expiring + " ",
            Duration.ofSeconds(30));
    assertTrue(expiry.contains(" price=100.00 paid=40.00"), expiry);
    String operation = expiry.replaceAll(".* operation=(\\S+) .*", "$1");
    String reversed =
        log.awaitLine(
            "dev.escrow.marketplace.money",
            "operation reversed: deal=" + expiring + " operation=" + operation + " ",
            Duration.ofSeconds(30));
    assertTrue(reversed.endsWith(" payments=1 returned=40.00"), reversed);
    String atTheBank =
        log.awaitLine(
            "dev.escrow.bank.money",
            "operation reversed: operation=" + operation + " ",
            Duration.ofSeconds(30));
    assertTrue(atTheBank.endsWith(" transfers=1 returned=40.00"), atTheBank);
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

package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankProxy;
import dev.escrow.it.support.ClockOffset;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import dev.escrow.it.support.Scrape;
import dev.escrow.it.support.ServerLog;
import dev.escrow.it.support.Waiting;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A slow or absent bank: the marketplace reaches the bank through the suite's TCP proxy, which
 * these tests take away and bring back. Confirmed payments wait and complete once the bank is back,
 * nothing is lost and nothing paid twice (balances to the kopeck); the steps that need the bank at
 * once answer 503 with Retry-After and change nothing; deals that expire while the bank is away
 * keep the duty to return their money, and the next sweep returns it. Redelivery that never
 * succeeds ends in the dead-letter queue, which the admin sees.
 */
class BankAwayIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  private static final Duration BACK_IN_TIME = Duration.ofSeconds(90);

  @ArquillianResource ManagementClient management;

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  @AfterEach
  void theBankIsBack() {
    BankProxy.shared().back();
  }

  @Test
  void aCompletedDealsPayoutWaitsForTheBankAndIsPaidOnceWhenItIsBack() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "300.00", "PT1H", "5"));
    PaymentFlowIT.pay(mail, buyer, deal, "100.00");
    PaymentFlowIT.awaitDeal(buyer, deal, "IN_PROGRESS");

    JsonObject started = start(buyer, deal, "200.00");
    String payment = started.getString("id");
    String code = Market.codeFor(mail, buyer.email(), "payment-" + payment);

    // The bank takes the code with its transfer, then goes away: the outcome comes by its callback,
    // the payout must wait for it.
    BankProxy.shared().awayExcept("POST /bank/api/v1/partner/transfers ");
    Api.Reply confirmed =
        buyer
            .api()
            .post("/api/v1/payments/" + payment + "/confirmation", "{\"code\":\"" + code + "\"}");
    assertEquals(202, confirmed.status(), confirmed.body());
    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    // The marketplace keeps trying: wait until it has been turned away twice more (its retries come
    // 2 s, 4 s ... apart), not for a fixed 8 s that a loaded machine may not fill.
    int droppedBefore = BankProxy.shared().dropped();
    try {
      Waiting.upTo(Market.PATIENCE, Duration.ofMillis(100))
          .until(() -> BankProxy.shared().dropped() >= droppedBefore + 2);
    } catch (ConditionTimeoutException e) {
      // told by the assertion
    }
    assertTrue(
        BankProxy.shared().dropped() >= droppedBefore + 2,
        "the marketplace kept trying: " + (BankProxy.shared().dropped() - droppedBefore));
    assertEquals(new BigDecimal("700.00"), Market.balance(buyer.accountNumber()));
    assertEquals(new BigDecimal("300.00"), Market.held(seller.accountNumber()), "the payout waits");

    BankProxy.shared().back();
    // 300.00 less 5 % commission: paid out once, nothing paid twice.
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "285.00");
    assertEquals(new BigDecimal("700.00"), Market.balance(buyer.accountNumber()));
    assertEquals(new BigDecimal("0.00"), Market.held(seller.accountNumber()));
    JsonObject done = buyer.api().get("/api/v1/deals/" + deal).json();
    assertEquals("300.00", done.getString("paidAmount"));
    assertEquals(2, done.getJsonArray("payments").size());
  }

  /**
   * The bank takes the code and its transfer, and its answer is lost (the connection cut as it
   * answers, the retry's too): the buyer is told 503, and the payment still counts, once, when the
   * bank's callback tells the marketplace.
   */
  @Test
  void aCodeTheBankTookWhoseAnswerWasLostCountsByTheCallback() {
    Waiting250 w = awaitingItsCode();
    Person buyer = w.buyer();
    String payment = w.payment();
    String code = w.code();

    int lostBefore = BankProxy.shared().lostAnswers();
    BankProxy.shared().loseAnswers("POST /bank/api/v1/partner/transfers ");
    Api.Reply lost =
        buyer
            .api()
            .post("/api/v1/payments/" + payment + "/confirmation", "{\"code\":\"" + code + "\"}");
    BankProxy.shared().back();
    assertEquals(503, lost.status(), lost.body());
    assertTrue(BankProxy.shared().lostAnswers() > lostBefore, "the bank did answer");

    paidOnce(w);
  }

  /**
   * As above with the callbacks away too: the buyer sends the same code again and the bank answers
   * the transfer it took (the payment's key), so the payment is recorded once.
   */
  @Test
  void theSameCodeAgainAfterALostAnswerIsTheSameTransfer() {
    Waiting250 w = awaitingItsCode();
    Person buyer = w.buyer();
    String payment = w.payment();
    String body = "{\"code\":\"" + w.code() + "\"}";

    BankProxy.callbacks().away();
    try {
      BankProxy.shared().loseAnswers("POST /bank/api/v1/partner/transfers ");
      Api.Reply lost = buyer.api().post("/api/v1/payments/" + payment + "/confirmation", body);
      BankProxy.shared().back();
      assertEquals(503, lost.status(), lost.body());
      Api.Reply replace = startReply(buyer, w.deal(), "250.00");
      assertEquals(409, replace.status(), "its code is with the bank: " + replace.body());

      Api.Reply again = buyer.api().post("/api/v1/payments/" + payment + "/confirmation", body);
      assertEquals(202, again.status(), again.body());
      // the bank's answer may already say it carried the transfer out
      assertTrue(
          List.of("PROCESSING", "SUCCEEDED").contains(again.json().getString("status")),
          again.body());
    } finally {
      BankProxy.callbacks().back();
    }
    paidOnce(w);
  }

  /** A deal of 250.00 and its payment in full, waiting for the code mailed to the buyer. */
  private record Waiting250(
      Person seller, Person buyer, String deal, String payment, String code) {}

  private static Waiting250 awaitingItsCode() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "500.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "250.00", "PT1H", "0"));
    String payment = start(buyer, deal, "250.00").getString("id");
    return new Waiting250(
        seller, buyer, deal, payment, Market.codeFor(mail, buyer.email(), "payment-" + payment));
  }

  /** The payment succeeded with its instant, the deal completed, the money moved once. */
  private static void paidOnce(Waiting250 w) {
    JsonObject succeeded =
        Market.await(
            w.buyer().api(),
            "/api/v1/payments/" + w.payment(),
            p -> p.getString("status").equals("SUCCEEDED"),
            Market.PATIENCE);
    assertNotNull(succeeded.getString("paidAt", null), succeeded.toString());
    PaymentFlowIT.awaitDeal(w.buyer(), w.deal(), "COMPLETED");
    PaymentFlowIT.awaitBalance(w.seller().accountNumber(), "250.00");
    assertEquals(new BigDecimal("250.00"), Market.balance(w.buyer().accountNumber()), "paid once");
  }

  /**
   * A code handed to the bank with no answer recorded and nobody to send it again: ten minutes on,
   * the sweep's re-drive asks the bank (the transfer again, without the code). When the bank took
   * it, the payment is recorded as confirmed at the hand-over; when it never reached the bank, the
   * payment waits for its code again and a new payment may replace it.
   */
  @Test
  void theSweepAsksTheBankAboutACodeWhoseAnswerNeverCame() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "500.00");
    String taken = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "0"));
    String takenPayment = start(buyer, taken, "100.00").getString("id");
    String takenCode = Market.codeFor(mail, buyer.email(), "payment-" + takenPayment);
    String never = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "50.00", "PT1H", "0"));
    String neverPayment = start(buyer, never, "50.00").getString("id");
    String neverCode = Market.codeFor(mail, buyer.email(), "payment-" + neverPayment);

    BankProxy.callbacks().away();
    try {
      BankProxy.shared().loseAnswers("POST /bank/api/v1/partner/transfers ");
      assertEquals(
          503,
          buyer
              .api()
              .post(
                  "/api/v1/payments/" + takenPayment + "/confirmation",
                  "{\"code\":\"" + takenCode + "\"}")
              .status());
      BankProxy.shared().away();
      assertEquals(
          503,
          buyer
              .api()
              .post(
                  "/api/v1/payments/" + neverPayment + "/confirmation",
                  "{\"code\":\"" + neverCode + "\"}")
              .status());
      BankProxy.shared().back();
      assertEquals(
          "AWAITING_CONFIRMATION",
          buyer.api().get("/api/v1/payments/" + takenPayment).json().getString("status"));

      ClockOffset.moveTo(management, Instant.now().plus(Duration.ofMinutes(11)));
      Api.Reply job = Api.admin().post("/api/v1/admin/jobs/refund-sweep", "");
      assertEquals(202, job.status(), job.body());
      JsonObject confirmed =
          Market.await(
              buyer.api(),
              "/api/v1/payments/" + takenPayment,
              p -> !p.getString("status").equals("AWAITING_CONFIRMATION"),
              Market.PATIENCE);
      assertTrue(
          List.of("PROCESSING", "SUCCEEDED").contains(confirmed.getString("status")),
          confirmed.toString());
      // a new payment of that deal replaces it now
      Waiting.upTo(Market.PATIENCE, Duration.ofMillis(250))
          .until(() -> startReply(buyer, never, "50.00").status() == 201);
      // The bank's callbacks, held back so far, are due on the moved clock: the outcome arrives.
      BankProxy.callbacks().back();
      PaymentFlowIT.awaitDeal(buyer, taken, "COMPLETED");
      PaymentFlowIT.awaitBalance(seller.accountNumber(), "100.00");
    } finally {
      BankProxy.callbacks().back();
      ClockOffset.reset(management);
    }
    assertEquals(
        "FAILED", buyer.api().get("/api/v1/payments/" + neverPayment).json().getString("status"));
    assertEquals(new BigDecimal("400.00"), Market.balance(buyer.accountNumber()), "paid once");
  }

  @Test
  void startingOrConfirmingWhileTheBankIsAwayAnswers503AndChangesNothing() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "500.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "250.00", "PT1H", "0"));

    BankProxy.shared().away();
    Api.Reply refused = startReply(buyer, deal, "250.00");
    assertEquals(503, refused.status(), refused.body());
    assertNotNull(refused.header("Retry-After"), "503 says when to try again");
    JsonObject unchanged = buyer.api().get("/api/v1/deals/" + deal).json();
    assertEquals("AWAITING_PAYMENT", unchanged.getJsonObject("status").getString("code"));
    assertEquals(0, unchanged.getJsonArray("payments").size(), "no payment was recorded");
    BankProxy.shared().back();

    String payment = start(buyer, deal, "250.00").getString("id");
    String code = Market.codeFor(mail, buyer.email(), "payment-" + payment);
    BankProxy.shared().away();
    Api.Reply notNow =
        buyer
            .api()
            .post("/api/v1/payments/" + payment + "/confirmation", "{\"code\":\"" + code + "\"}");
    assertEquals(503, notNow.status(), notNow.body());
    assertNotNull(notNow.header("Retry-After"));
    assertEquals(
        "AWAITING_CONFIRMATION",
        buyer.api().get("/api/v1/payments/" + payment).json().getString("status"));
    assertEquals(new BigDecimal("500.00"), Market.balance(buyer.accountNumber()));

    BankProxy.shared().back();
    Api.Reply confirmed =
        buyer
            .api()
            .post("/api/v1/payments/" + payment + "/confirmation", "{\"code\":\"" + code + "\"}");
    assertEquals(202, confirmed.status(), "the same code works once the bank is back");
    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "250.00");
    assertEquals(new BigDecimal("250.00"), Market.balance(buyer.accountNumber()));
  }

  /**
   * The fee refresh with no answer from the bank: the run fails and says why, and the job
   * repository keeps its failure (no JBERET error about an exception it could not store or read).
   */
  @Test
  void aFeeRefreshWhileTheBankIsAwayFailsAndSaysWhy() {
    ServerLog log = ServerLog.mark();
    BankProxy bank = BankProxy.shared();
    bank.away();
    JsonObject run;
    try {
      Api.Reply job = Api.admin().post("/api/v1/admin/jobs/fee-refresh", "");
      assertEquals(202, job.status(), job.body());
      run =
          Market.await(
              Api.admin(),
              "/api/v1/admin/jobs/" + job.json().getString("executionId"),
              j -> j.getString("status").equals("FAILED"),
              Market.PATIENCE);
    } finally {
      bank.back();
    }
    assertEquals("FAILED", run.getString("status"), run.toString());
    List<String> jobStoreErrors =
        log.linesSince().stream()
            .filter(l -> l.matches(".*JBERET0006(26|53).*"))
            .map(l -> l.substring(0, Math.min(300, l.length())))
            .toList();
    assertEquals(List.of(), jobStoreErrors, "the job repository kept the failure");
  }

  @Test
  void withTheBankAwayTheDealsExpireAndTheNextSweepReturnsTheirMoney() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "100.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "50.00", "PT1M", "5"));
    PaymentFlowIT.pay(mail, buyer, deal, "30.00");
    JsonObject paid = PaymentFlowIT.awaitDeal(buyer, deal, "IN_PROGRESS");
    PaymentFlowIT.awaitBalance(buyer.accountNumber(), "70.00");

    BankProxy bank = BankProxy.shared();
    bank.away();
    int droppedBefore = bank.dropped();
    try {
      ClockOffset.moveTo(management, Instant.parse(paid.getString("dueAt")).plusSeconds(2));
      JsonObject sweep = RefundSweepBatchIT.runRefundSweep();
      assertTrue(bank.dropped() > droppedBefore, "the sweep asked the bank");
      assertTrue(
          sweep.getString("exitStatus").matches(".* [1-9][0-9]* left for the next sweep.*"),
          "the sweep completed and says what waits: " + sweep);
      JsonObject waiting = Market.awaitAdminDeal(deal, d -> true);
      assertEquals(
          "EXPIRED", waiting.getJsonObject("deal").getJsonObject("status").getString("code"));
      assertEquals("REVERSE_DUE", waiting.getString("payout"), "the duty to return is kept");
      assertFalse(waiting.containsKey("payoutRefusal"), "not refused: " + waiting);
      assertEquals(
          "SUCCEEDED",
          buyer
              .api()
              .get("/api/v1/deals/" + deal)
              .json()
              .getJsonArray("payments")
              .getJsonObject(0)
              .getString("status"));

      bank.back();
      RefundSweepBatchIT.runRefundSweep();
    } finally {
      ClockOffset.reset(management);
    }
    RefundSweepBatchIT.awaitRefunded(buyer, deal);
    PaymentFlowIT.awaitBalance(buyer.accountNumber(), "100.00");
    assertEquals(new BigDecimal("0.00"), Market.held(seller.accountNumber()));
    assertEquals("REVERSED", Market.awaitAdminDeal(deal, d -> true).getString("payout"));
  }

  /**
   * A real poison message: the bank's own transfer message (a plain message with a {@code
   * transferId} property) is moved, through the management API, from the bank's queue into the
   * marketplace's payment queue, where it is no payment step. The marketplace's consumer fails on
   * it at every delivery; after the configured number of deliveries, with the configured growing
   * delay between them, the broker puts it in the DLQ, and the admin's view shows it with where it
   * came from and what it holds. The transfer itself is not lost: the bank re-drives a transfer
   * whose message went missing, so the payment still succeeds.
   */
  @Test
  void redeliveryEndsInTheDeadLetterQueueWhichTheAdminSees() throws Exception {
    ModelNode setting = execute(op("read-resource", "address-setting", "#"));
    assertEquals("jms.queue.DLQ", setting.get("dead-letter-address").asString());
    int attempts = setting.get("max-delivery-attempts").asInt();
    assertEquals(10, attempts, "bounded redelivery");
    long delay = setting.get("redelivery-delay").asLong();
    double multiplier = setting.get("redelivery-multiplier").asDouble();
    long maxDelay = setting.get("max-redelivery-delay").asLong();
    long backOff = 0;
    for (int i = 0; i < attempts - 1; i++) {
      backOff += Math.min((long) (delay * Math.pow(multiplier, i)), maxDelay);
    }

    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "100.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "40.00", "PT1H", "0"));
    String payment = start(buyer, deal, "40.00").getString("id");
    String code = Market.codeFor(mail, buyer.email(), "payment-" + payment);
    Scrape before = Scrape.now();
    ServerLog log = ServerLog.mark();

    String poison;
    long movedAt;
    execute(op("pause", "jms-queue", "BankTransfers"));
    try {
      Api.Reply confirmed =
          buyer
              .api()
              .post("/api/v1/payments/" + payment + "/confirmation", "{\"code\":\"" + code + "\"}");
      assertEquals(202, confirmed.status(), confirmed.body());
      // The bank accepts the transfer and queues it; the paused queue keeps it.
      AtomicReference<String> queued = new AtomicReference<>();
      try {
        Waiting.upTo(Duration.ofSeconds(60), Duration.ofMillis(200))
            .until(
                () -> {
                  for (ModelNode message :
                      execute(op("list-messages", "jms-queue", "BankTransfers")).asList()) {
                    if (message.has("transferId")) {
                      queued.set(message.get("JMSMessageID").asString());
                      System.out.println("DLQ poison message taken from BankTransfers: " + message);
                      return true;
                    }
                  }
                  return false;
                });
      } catch (ConditionTimeoutException e) {
        // told by the assertion
      }
      poison = queued.get();
      assertNotNull(poison, "the bank queued a transfer message");
      ModelNode move = op("move-message", "jms-queue", "BankTransfers");
      move.get("message-id").set(poison);
      move.get("other-queue-name").set("MarketplacePayments");
      assertTrue(execute(move).asBoolean(), "moved to the marketplace's payment queue");
      movedAt = System.nanoTime();
    } finally {
      execute(op("resume", "jms-queue", "BankTransfers"));
    }

    String poisoned = poison;
    AtomicReference<JsonObject> letterOf = new AtomicReference<>();
    try {
      Waiting.upTo(Duration.ofMillis(backOff + 90_000), Duration.ofMillis(500))
          .until(
              () -> {
                Api.Reply view = Api.admin().get("/api/v1/admin/dead-letters?max=500");
                assertEquals(200, view.status(), view.body());
                for (JsonObject letter : view.array().getValuesAs(JsonObject.class)) {
                  if (poisoned.equals(letter.getString("messageId", null))) {
                    letterOf.set(letter);
                  }
                }
                return letterOf.get() != null;
              });
    } catch (ConditionTimeoutException e) {
      // told by the assertion
    }
    JsonObject dead = letterOf.get();
    long took = Duration.ofNanos(System.nanoTime() - movedAt).toMillis();
    assertNotNull(dead, "the poison message is in the admin's dead-letter view");
    System.out.printf(
        "DLQ poison message dead-lettered after %.1f s (%d deliveries allowed, back-off between"
            + " them %.1f s): %s%n",
        took / 1000.0, attempts, backOff / 1000.0, dead);
    assertTrue(
        dead.getString("queue", "").contains("MarketplacePayments"),
        "the view says where it failed: " + dead);
    assertTrue(dead.getString("content", "").contains("transferId"), "and what it holds: " + dead);
    assertTrue(
        took >= backOff * 8 / 10,
        "it was redelivered with the growing delay before it was given up ("
            + took
            + " ms, back-off "
            + backOff
            + " ms)");

    // The view is the shared database's record, not this node's broker: the recorder drained the
    // broker's DLQ into it, and the record names the node.
    assertFalse(dead.getString("node", "").isBlank(), "the node it died on: " + dead);
    long counted = -1;
    try {
      counted =
          Waiting.upTo(Duration.ofSeconds(30), Duration.ofMillis(200))
              .until(() -> execute(op("count-messages", "jms-queue", "DLQ")).asLong(), n -> n == 0);
    } catch (ConditionTimeoutException e) {
      // told by the assertion
    }
    assertEquals(0, counted, "the broker's DLQ is drained into the record");

    // The operator sees it too: a WARN line in the money log, the counters and the DLQ's depth.
    String line =
        log.awaitLine(
            "dev.escrow.marketplace.money",
            "message dead-lettered: queue=MarketplacePayments message=" + poison + " ",
            Duration.ofSeconds(10));
    assertTrue(line.contains(" WARN") && line.contains(" deliveries=" + attempts + " "), line);
    Scrape after = Scrape.now();
    String queue = "queue=\"MarketplacePayments\"";
    assertEquals(
        before.value("marketplace_messages_dead_lettered_total", queue) + 1,
        after.value("marketplace_messages_dead_lettered_total", queue),
        "one more message dead-lettered");
    assertTrue(
        after.value("marketplace_messages_redelivered_total", queue)
            >= before.value("marketplace_messages_redelivered_total", queue) + attempts - 1,
        "every delivery after the first counted as a redelivery");
    assertEquals(
        (double) counted,
        after.value("messaging_activemq_message_count", "name=\"DLQ\"", "type=\"jms-queue\""),
        "the scrape's DLQ depth is the broker's count");
    Person client = Market.client(BANK_A, null);
    assertEquals(403, client.api().get("/api/v1/admin/dead-letters").status());

    // Nothing lost: the bank re-drives the transfer whose message went astray.
    Market.await(
        buyer.api(),
        "/api/v1/payments/" + payment,
        p -> p.getString("status").equals("SUCCEEDED"),
        Duration.ofMinutes(3));
    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "40.00");
  }

  private static ModelNode op(String operation, String type, String name) {
    ModelNode op = new ModelNode();
    op.get("operation").set(operation);
    op.get("address").add("subsystem", "messaging-activemq").add("server", "default");
    op.get("address").add(type, name);
    return op;
  }

  private ModelNode execute(ModelNode op) throws Exception {
    ModelNode outcome = management.getControllerClient().execute(op);
    assertEquals("success", outcome.get("outcome").asString(), op + " -> " + outcome);
    return outcome.get("result");
  }

  private static JsonObject start(Person buyer, String deal, String amount) {
    Api.Reply started = startReply(buyer, deal, amount);
    assertEquals(201, started.status(), started.body());
    return started.json();
  }

  private static Api.Reply startReply(Person buyer, String deal, String amount) {
    return buyer
        .api()
        .post(
            "/api/v1/deals/" + deal + "/payments",
            "{\"accountId\":\"" + buyer.accountId() + "\",\"amount\":\"" + amount + "\"}");
  }
}

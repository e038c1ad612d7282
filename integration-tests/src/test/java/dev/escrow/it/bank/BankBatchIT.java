package dev.escrow.it.bank;

import static dev.escrow.it.bank.BankFixture.AURORA;
import static dev.escrow.it.bank.BankFixture.NORTHERN;
import static dev.escrow.it.bank.BankFixture.awaitFinal;
import static dev.escrow.it.bank.BankFixture.balance;
import static dev.escrow.it.bank.BankFixture.held;
import static dev.escrow.it.bank.BankFixture.partnerPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.escrow.it.bank.BankFixture.Holder;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankQueue;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Waiting;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The partner's batches: many transfers in one request, each item with its own key and answer (a
 * bad item spoils no other, a repeat answers the same transfer), carried out by batched execution
 * (a payer who cannot pay the second of two transfers fails that one only); then many operations
 * settled and reversed in one request each. The books agree account by account afterwards.
 */
class BankBatchIT extends EarDeployment {

  @RegisterExtension static GreenMailExtension mail = BankFixture.mailServer();

  /** Good transfers in the batch: they end COMPLETED. */
  private static final int GOOD = 24;

  @ArquillianResource ManagementClient management;

  @BeforeEach
  void fastBank() {
    BankFixture.processingDelay(0);
  }

  @AfterEach
  void queueRuns() throws Exception {
    BankQueue.resume(management);
  }

  /** The bank's persistence unit in the management model (Hibernate's statistics). */
  private ModelNode unit() {
    ModelNode address = new ModelNode();
    address.add("deployment", "escrow.ear").add("subdeployment", "bank-ejb.jar");
    address
        .add("subsystem", "jpa")
        .add("hibernate-persistence-unit", "escrow.ear/bank-ejb.jar#bank");
    return address;
  }

  private ModelNode run(ModelNode op) throws Exception {
    ModelNode outcome = management.getControllerClient().execute(op);
    assertEquals("success", outcome.get("outcome").asString(), op + " -> " + outcome);
    return outcome.get("result");
  }

  /** JDBC statements the bank has prepared since statistics were enabled. */
  private long statements() throws Exception {
    ModelNode op = new ModelNode();
    op.get("operation").set("read-attribute");
    op.get("address").set(unit());
    op.get("name").set("prepared-statement-count");
    return run(op).asLong();
  }

  /** Waits (through the management API: no statement) until the transfer queue is empty. */
  private void queueDrained() throws Exception {
    ModelNode address = new ModelNode();
    address.add("subsystem", "messaging-activemq").add("server", "default");
    address.add("jms-queue", "BankTransfers");
    ModelNode op = new ModelNode();
    op.get("operation").set("read-resource");
    op.get("address").set(address);
    op.get("include-runtime").set(true);
    ModelNode queue =
        Waiting.lastRead(Market.PATIENCE, Duration.ofMillis(50), () -> run(op), BankBatchIT::empty);
    assertTrue(empty(queue), "the queue never drained: " + queue);
  }

  private static boolean empty(ModelNode queue) {
    return queue.get("message-count").asLong() == 0 && queue.get("delivering-count").asLong() == 0;
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private static JsonObjectBuilder item(
      String key,
      JsonObject authorization,
      Holder payer,
      Holder payee,
      String amount,
      String group) {
    JsonObjectBuilder item =
        Json.createObjectBuilder()
            .add("authorizationId", authorization.getString("id"))
            .add("payerAccount", payer.number())
            .add("payeeAccount", payee.number())
            .add("amount", amount)
            .add("fee", authorization.getString("fee"))
            .add("groupReference", group);
    if (key != null) {
      item.add("idempotencyKey", key);
    }
    return item;
  }

  private static Api.Reply batch(String path, String name, JsonArrayBuilder items) {
    return partnerPost(path, Json.createObjectBuilder().add(name, items).build().toString());
  }

  @Test
  void aBatchOfTransfersAnswersEachItemAndIsCarriedOutInBatches() throws Exception {
    Holder payer = BankFixture.holder("Batch Payer", AURORA, "1000.00");
    Holder payee = BankFixture.holder("Batch Payee", NORTHERN, "0");
    Holder poor = BankFixture.holder("Batch Poor", AURORA, "100.00");
    Holder poorsPayee = BankFixture.holder("Batch Poor Payee", AURORA, "0");
    Holder commission = BankFixture.holder("Batch Commission", AURORA, "0");
    JsonObject auditBefore = BankFixture.quietAudit();
    String groupA = "batch-a-" + UUID.randomUUID();
    String groupB = "batch-b-" + UUID.randomUUID();
    String groupPoor = "batch-poor-" + UUID.randomUUID();

    JsonArrayBuilder items = Json.createArrayBuilder();
    List<String> goodKeys = new ArrayList<>();
    for (int i = 0; i < GOOD; i++) {
      JsonObject authorization = BankFixture.authorizedPayment(mail, payer, payee, "10.00");
      assertEquals("0.10", authorization.getString("fee"), "1% between two banks");
      String key = "good-" + i + "-" + UUID.randomUUID();
      goodKeys.add(key);
      items.add(item(key, authorization, payer, payee, "10.00", i % 2 == 0 ? groupA : groupB));
    }
    // The poor payer's two transfers: 60 + 60 is more than the 100 they have.
    String poorFirst = "poor-1-" + UUID.randomUUID();
    String poorSecond = "poor-2-" + UUID.randomUUID();
    items.add(
        item(
            poorFirst,
            BankFixture.authorizedPayment(mail, poor, poorsPayee, "60.00"),
            poor,
            poorsPayee,
            "60.00",
            groupPoor));
    items.add(
        item(
            poorSecond,
            BankFixture.authorizedPayment(mail, poor, poorsPayee, "60.00"),
            poor,
            poorsPayee,
            "60.00",
            groupPoor));
    // Bad items: a negative amount, no key, an unknown authorization, an authorization used twice.
    JsonObject spare = BankFixture.authorizedPayment(mail, payer, payee, "1.00");
    items.add(item("negative-" + UUID.randomUUID(), spare, payer, payee, "-1.00", groupA));
    items.add(item(null, spare, payer, payee, "1.00", groupA));
    items.add(
        item(
                "unknown-" + UUID.randomUUID(),
                Json.createObjectBuilder()
                    .add("id", UUID.randomUUID().toString())
                    .add("fee", "0.00")
                    .build(),
                payer,
                payee,
                "1.00",
                groupA)
            .add("fee", "0.01"));
    JsonArray sent = items.build();
    JsonObject firstAuthorization =
        Json.createObjectBuilder()
            .add("id", sent.getJsonObject(0).getString("authorizationId"))
            .add("fee", "0.10")
            .build();
    JsonArray all =
        Json.createArrayBuilder(sent)
            .add(
                item(
                    "reused-" + UUID.randomUUID(),
                    firstAuthorization,
                    payer,
                    payee,
                    "10.00",
                    groupA))
            .build();
    int size = all.size();

    // The queue paused: every transfer is due when it resumes, and batches carry them out together.
    BankQueue.pause(management);
    Api.Reply answered =
        partnerPost(
            "/transfers/batch",
            Json.createObjectBuilder().add("transfers", all).build().toString());
    assertEquals(200, answered.status(), answered.body());
    JsonArray results = answered.json().getJsonArray("results");
    assertEquals(size, results.size(), "one answer per item, in order");
    List<String> goodIds = new ArrayList<>();
    for (int i = 0; i < GOOD; i++) {
      JsonObject r = results.getJsonObject(i);
      assertEquals(goodKeys.get(i), r.getString("idempotencyKey"));
      assertEquals(202, r.getInt("status"), r.toString());
      assertEquals("ACCEPTED", r.getJsonObject("transfer").getString("status"));
      goodIds.add(r.getJsonObject("transfer").getString("id"));
    }
    assertEquals(202, results.getJsonObject(GOOD).getInt("status"));
    assertEquals(202, results.getJsonObject(GOOD + 1).getInt("status"));
    JsonObject negative = results.getJsonObject(GOOD + 2);
    assertEquals(400, negative.getInt("status"), negative.toString());
    assertTrue(
        negative.getJsonObject("problem").toString().contains("amount"), negative.toString());
    assertEquals(400, results.getJsonObject(GOOD + 3).getInt("status"));
    assertTrue(
        results
            .getJsonObject(GOOD + 3)
            .getJsonObject("problem")
            .toString()
            .contains("idempotencyKey"));
    assertEquals(409, results.getJsonObject(GOOD + 4).getInt("status"), "unknown authorization");
    assertEquals(409, results.getJsonObject(GOOD + 5).getInt("status"), "authorization used twice");
    for (int i = GOOD + 2; i < size; i++) {
      assertFalse(
          results.getJsonObject(i).containsKey("transfer"), results.getJsonObject(i).toString());
    }

    // The same batch again: the accepted items answer 200 with the same transfer, nothing new.
    Api.Reply repeated =
        partnerPost(
            "/transfers/batch",
            Json.createObjectBuilder().add("transfers", all).build().toString());
    assertEquals(200, repeated.status(), repeated.body());
    JsonArray again = repeated.json().getJsonArray("results");
    for (int i = 0; i < GOOD; i++) {
      assertEquals(200, again.getJsonObject(i).getInt("status"), again.getJsonObject(i).toString());
      assertEquals(
          goodIds.get(i), again.getJsonObject(i).getJsonObject("transfer").getString("id"));
    }

    BankQueue.resume(management);
    // Every good transfer completes; of the poor payer's two, the first completes, the second
    // fails.
    String operationA = null;
    String operationB = null;
    for (int i = 0; i < GOOD; i++) {
      JsonObject done = awaitFinal(goodIds.get(i));
      assertEquals("COMPLETED", done.getString("status"), done.toString());
      if (i % 2 == 0) {
        operationA = done.getString("operationKey");
      } else {
        operationB = done.getString("operationKey");
      }
    }
    JsonObject first =
        awaitFinal(results.getJsonObject(GOOD).getJsonObject("transfer").getString("id"));
    JsonObject second =
        awaitFinal(results.getJsonObject(GOOD + 1).getJsonObject("transfer").getString("id"));
    assertEquals("COMPLETED", first.getString("status"), first.toString());
    assertEquals("FAILED", second.getString("status"), second.toString());
    assertEquals("insufficient funds", second.getString("failureReason"));
    String operationPoor = first.getString("operationKey");

    BigDecimal paid = dec("10.10").multiply(BigDecimal.valueOf(GOOD));
    assertEquals(dec("1000.00").subtract(paid), balance(payer.number()));
    assertEquals(dec("10.00").multiply(BigDecimal.valueOf(GOOD)), held(payee.number()));
    assertEquals(dec("40.00"), balance(poor.number()));
    assertEquals(dec("60.00"), held(poorsPayee.number()));
    JsonObject audit = BankFixture.quietAudit();
    assertTrue(audit.getBoolean("consistent"), audit.toString());
    assertEquals(0, audit.getInt("accountsDisagreeing"), audit.toString());
    assertEquals(0, audit.getInt("feeIncomeDisagreeing"), audit.toString());
    assertEquals(
        dec(auditBefore.getString("fees")).add(dec("0.10").multiply(BigDecimal.valueOf(GOOD))),
        dec(audit.getString("fees")));

    // Settlements in one request: A with a commission, B without, an unknown and a bad one.
    String unknown = UUID.randomUUID().toString();
    JsonArrayBuilder settlements =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("operationKey", operationA)
                    .add("commissionAmount", "5.00")
                    .add("commissionAccount", commission.number()))
            .add(
                Json.createObjectBuilder()
                    .add("operationKey", operationB)
                    .add("commissionAmount", "0.00"))
            .add(
                Json.createObjectBuilder()
                    .add("operationKey", unknown)
                    .add("commissionAmount", "0.00"))
            .add(
                Json.createObjectBuilder()
                    .add("operationKey", operationPoor)
                    .add("commissionAmount", "-1"));
    JsonArray settlementItems = settlements.build();
    Api.Reply settled =
        partnerPost(
            "/operations/settlements",
            Json.createObjectBuilder().add("settlements", settlementItems).build().toString());
    assertEquals(200, settled.status(), settled.body());
    JsonArray s = settled.json().getJsonArray("results");
    assertEquals(200, s.getJsonObject(0).getInt("status"), s.toString());
    assertEquals("SETTLED", s.getJsonObject(0).getJsonObject("operation").getString("status"));
    assertEquals(200, s.getJsonObject(1).getInt("status"), s.toString());
    assertEquals(404, s.getJsonObject(2).getInt("status"), s.toString());
    assertEquals(400, s.getJsonObject(3).getInt("status"), s.toString());
    BigDecimal half = dec("10.00").multiply(BigDecimal.valueOf(GOOD / 2));
    assertEquals(dec("5.00"), balance(commission.number()));
    assertEquals(half.subtract(dec("5.00")).add(half), balance(payee.number()));
    assertEquals(dec("0.00"), held(payee.number()));
    // Repeated: the same answers, nothing moves twice.
    Api.Reply settledAgain =
        partnerPost(
            "/operations/settlements",
            Json.createObjectBuilder().add("settlements", settlementItems).build().toString());
    JsonArray s2 = settledAgain.json().getJsonArray("results");
    assertEquals(200, s2.getJsonObject(0).getInt("status"));
    assertEquals(200, s2.getJsonObject(1).getInt("status"));
    assertEquals(dec("5.00"), balance(commission.number()));

    // Reversals in one request: a settled operation cannot be (409), the poor one can.
    Api.Reply reversed =
        batch(
            "/operations/reversals",
            "reversals",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("operationKey", operationA))
                .add(Json.createObjectBuilder().add("operationKey", operationPoor))
                .add(Json.createObjectBuilder().add("operationKey", "")));
    assertEquals(200, reversed.status(), reversed.body());
    JsonArray r = reversed.json().getJsonArray("results");
    assertEquals(409, r.getJsonObject(0).getInt("status"), r.toString());
    assertEquals(200, r.getJsonObject(1).getInt("status"), r.toString());
    assertEquals("REVERSED", r.getJsonObject(1).getJsonObject("operation").getString("status"));
    assertEquals(400, r.getJsonObject(2).getInt("status"), r.toString());
    assertEquals(dec("100.00"), balance(poor.number()));
    assertEquals(dec("0.00"), held(poorsPayee.number()));

    JsonObject auditAfter = BankFixture.quietAudit();
    assertTrue(auditAfter.getBoolean("consistent"), auditAfter.toString());
    assertEquals(0, auditAfter.getInt("accountsDisagreeing"), auditAfter.toString());
    assertEquals(auditBefore.getString("deposits"), auditAfter.getString("deposits"));
  }

  /**
   * Batches sent at once whose first transfers open the same new group: a batch is accepted in one
   * transaction, so all but one of them usually lose the race for the group's operation at commit
   * and are then accepted item by item. Whichever way each went, every item is accepted once, into
   * one operation, and carried out once.
   */
  @Test
  void concurrentBatchesOpeningOneGroupAreEachAcceptedOnceIntoOneOperation() throws Exception {
    Holder payer = BankFixture.holder("Race Payer", AURORA, "1000.00");
    Holder payee = BankFixture.holder("Race Payee", AURORA, "0");
    String group = "race-" + UUID.randomUUID();
    int batches = 4;
    int perBatch = 5;
    List<JsonArray> bodies = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      JsonArrayBuilder items = Json.createArrayBuilder();
      for (int i = 0; i < perBatch; i++) {
        JsonObject authorization = BankFixture.authorizedPayment(mail, payer, payee, "3.00");
        items.add(
            item(
                "race-" + b + "-" + i + "-" + UUID.randomUUID(),
                authorization,
                payer,
                payee,
                "3.00",
                group));
      }
      bodies.add(items.build());
    }
    ExecutorService senders = Executors.newFixedThreadPool(batches);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Reply>> sent = new ArrayList<>();
    try {
      for (JsonArray body : bodies) {
        sent.add(
            senders.submit(
                () -> {
                  start.await();
                  return partnerPost(
                      "/transfers/batch",
                      Json.createObjectBuilder().add("transfers", body).build().toString());
                }));
      }
      start.countDown();
      List<String> ids = new ArrayList<>();
      for (Future<Api.Reply> reply : sent) {
        Api.Reply answered = reply.get(2, TimeUnit.MINUTES);
        assertEquals(200, answered.status(), answered.body());
        for (JsonObject r : answered.json().getJsonArray("results").getValuesAs(JsonObject.class)) {
          assertEquals(202, r.getInt("status"), r.toString());
          ids.add(r.getJsonObject("transfer").getString("id"));
        }
      }
      assertEquals(batches * perBatch, ids.stream().distinct().count());
      Set<String> operations = new HashSet<>();
      for (String id : ids) {
        JsonObject done = awaitFinal(id);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        operations.add(done.getString("operationKey"));
      }
      assertEquals(1, operations.size(), "one group, one operation: " + operations);
    } finally {
      senders.shutdownNow();
    }
    BigDecimal paid = dec("3.00").multiply(BigDecimal.valueOf(batches * perBatch));
    assertEquals(dec("1000.00").subtract(paid), balance(payer.number()));
    assertEquals(paid, held(payee.number()));
    JsonObject audit = BankFixture.quietAudit();
    assertTrue(audit.getBoolean("consistent"), audit.toString());
    assertEquals(0, audit.getInt("accountsDisagreeing"), audit.toString());
  }

  /**
   * Statements per transfer (acceptance and execution) as Hibernate counts them, one at a time and
   * in a batch; printed for the docs, not asserted beyond "fewer".
   */
  @Test
  void aBatchTakesFewerStatementsPerTransferThanOneAtATime() throws Exception {
    int n = 20;
    Holder payer = BankFixture.holder("Count Payer", AURORA, "1000.00");
    Holder payee = BankFixture.holder("Count Payee", NORTHERN, "0");
    List<JsonObject> single = new ArrayList<>();
    List<JsonObject> batched = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      single.add(BankFixture.authorizedPayment(mail, payer, payee, "1.00"));
      batched.add(BankFixture.authorizedPayment(mail, payer, payee, "1.00"));
    }
    ModelNode enable = new ModelNode();
    enable.get("operation").set("write-attribute");
    enable.get("address").set(unit());
    enable.get("name").set("statistics-enabled");
    enable.get("value").set(true);
    run(enable);
    queueDrained();
    long before = statements();
    String group = "count-" + UUID.randomUUID();
    for (JsonObject authorization : single) {
      Api.Reply accepted =
          BankFixture.submit(
              authorization, payer, payee, "1.00", "0.01", group, UUID.randomUUID().toString());
      assertEquals(202, accepted.status(), accepted.body());
      queueDrained();
    }
    long oneByOne = statements() - before;
    BankQueue.pause(management);
    long start = statements();
    JsonArrayBuilder items = Json.createArrayBuilder();
    String batchGroup = "count-batch-" + UUID.randomUUID();
    for (JsonObject authorization : batched) {
      items.add(
          item(UUID.randomUUID().toString(), authorization, payer, payee, "1.00", batchGroup));
    }
    Api.Reply answered = batch("/transfers/batch", "transfers", items);
    assertEquals(200, answered.status(), answered.body());
    long accepting = statements() - start;
    BankQueue.resume(management);
    queueDrained();
    long inBatch = statements() - start;
    System.out.printf(
        "STATEMENTS per transfer: one at a time %.1f (acceptance and execution); batch of %d %.1f"
            + " (acceptance %.1f, execution %.1f)%n",
        oneByOne / (double) n,
        n,
        inBatch / (double) n,
        accepting / (double) n,
        (inBatch - accepting) / (double) n);
    assertEquals(
        dec("1000.00").subtract(dec("1.01").multiply(BigDecimal.valueOf(2L * n))),
        balance(payer.number()));
    assertTrue(
        inBatch < oneByOne, "a batch takes fewer statements: " + inBatch + " vs " + oneByOne);
  }

  @Test
  void aMalformedEnvelopeIsRefusedWholeAndNothingIsAccepted() {
    JsonObjectBuilder one =
        Json.createObjectBuilder()
            .add("idempotencyKey", "same")
            .add("authorizationId", UUID.randomUUID().toString())
            .add("payerAccount", "0421234567890")
            .add("payeeAccount", "0421234567891")
            .add("amount", "1.00")
            .add("fee", "0.00")
            .add("groupReference", "g");
    JsonObject item = one.build();
    for (String body :
        List.of(
            "{}",
            "{\"transfers\":[]}",
            "{\"transfers\":null}",
            "{\"transfers\":[null]}",
            "{\"transfers\":\"x\"}",
            "[]",
            "{\"transfers\":[" + item + "," + item + "]}",
            "{\"transfers\":[" + (item + ",").repeat(100) + item + "]}")) {
      Api.Reply refused = partnerPost("/transfers/batch", body);
      assertEquals(400, refused.status(), body.length() > 300 ? "101 items" : body);
      assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
    }
    for (String path : List.of("/operations/settlements", "/operations/reversals")) {
      String name = path.endsWith("settlements") ? "settlements" : "reversals";
      String twice = "{\"" + name + "\":[{\"operationKey\":\"k\"},{\"operationKey\":\"k\"}]}";
      assertEquals(400, partnerPost(path, twice).status(), path);
      assertEquals(400, partnerPost(path, "{\"" + name + "\":[]}").status(), path);
    }
    // Exactly 100 items is a batch: each item answered (here each refused on its own).
    JsonArrayBuilder hundred = Json.createArrayBuilder();
    for (int i = 0; i < 100; i++) {
      hundred.add(Json.createObjectBuilder(item).add("idempotencyKey", "k" + i));
    }
    Api.Reply answered = batch("/transfers/batch", "transfers", hundred);
    assertEquals(200, answered.status(), answered.body());
    JsonArray results = answered.json().getJsonArray("results");
    assertEquals(100, results.size());
    for (int i = 0; i < 100; i++) {
      assertEquals(
          409, results.getJsonObject(i).getInt("status"), results.getJsonObject(i).toString());
      assertNotEquals(500, results.getJsonObject(i).getInt("status"));
    }
    // Without the partner's key: 401, whatever the body.
    for (String path :
        List.of("/transfers/batch", "/operations/settlements", "/operations/reversals")) {
      Api.Reply anonymous =
          Api.anonymous().send("POST", "/bank/api/v1/partner" + path, "{}", Map.of());
      assertEquals(401, anonymous.status(), path);
    }
  }
}

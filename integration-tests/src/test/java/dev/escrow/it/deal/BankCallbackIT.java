package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankProxy;
import dev.escrow.it.support.BankProxy.Captured;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import dev.escrow.it.support.Waiting;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bank tells the marketplace: when a transfer ends the bank sends a signed callback (through
 * the suite's callback proxy, which keeps what passed) and the marketplace applies the outcome at
 * once; polling is only the fallback, 30 s after the submission. A callback that is not the bank's,
 * not of now, or received already is refused and changes nothing; while the marketplace is away the
 * bank tries again, and the outcome arrives once.
 */
class BankCallbackIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  /** BANK_CALLBACK_SECRET of the suite's server (integration-tests/pom.xml). */
  private static final String SECRET = "test-bank-callback-secret";

  private static final String CALLBACKS = "/api/v1/bank-callbacks";

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  @AfterEach
  void everythingIsBack() {
    BankProxy.shared().back();
    BankProxy.callbacks().back();
  }

  @Test
  void aPaymentSucceedsThroughTheBankCallbackAtOnce() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "500.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));

    JsonObject payment = PaymentFlowIT.pay(mail, buyer, deal, "100.00");
    long confirmed = System.nanoTime();
    String id = payment.getString("id");
    Market.await(
        buyer.api(),
        "/api/v1/payments/" + id,
        p -> p.getString("status").equals("SUCCEEDED"),
        Market.PATIENCE);
    long took = (System.nanoTime() - confirmed) / 1_000_000;
    System.out.printf(
        "FIGURE one payment through the bank's callback, code accepted -> SUCCEEDED: %d ms%n",
        took);

    // It was the callback that applied it (the first poll comes 30 s after the submission).
    Captured callback = awaitCallback(id, "COMPLETED");
    String event = json(callback.body()).getString("eventId");
    assertEquals(event, callback.headers().get("escrow-event-id"));
    assertTrue(callback.headers().get("escrow-signature").matches("t=\\d+,v1=[0-9a-f]{64}"));
    awaitAnswer(event, true);

    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "95.00");
    assertEquals(new BigDecimal("400.00"), Market.balance(buyer.accountNumber()));
  }

  @Test
  void forgedStaleUnsignedAndReplayedCallbacksAreRefusedAndChangeNothing() {
    Paid paid = paidInPart();
    Person seller = paid.seller();
    Person buyer = paid.buyer();
    String deal = paid.deal();
    String id = paid.payment();
    Captured genuine = awaitCallback(id, "COMPLETED");
    JsonObject body = eventOf(genuine, id);
    awaitAnswer(body.getString("eventId"), true);
    String before = state(buyer, deal, id, seller);

    // The very request again, byte for byte: the event was received already (in a batch, each).
    Api.Reply replayed = send(genuine.body(), genuine.headers());
    if (isBatch(genuine)) {
      assertEquals(200, replayed.status(), replayed.body());
      replayed.json().getJsonArray("results").stream()
          .map(JsonValue::asJsonObject)
          .forEach(r -> assertEquals(409, r.getInt("status"), replayed.body()));
    } else {
      assertEquals(409, replayed.status(), replayed.body());
      problem(replayed);
    }

    // The body changed under the bank's signature: the payment "failed", or another amount.
    Api.Reply forged =
        send(
            genuine.body().replace("\"COMPLETED\"", "\"FAILED\",\"failureReason\":\"forged\""),
            genuine.headers());
    assertEquals(401, forged.status(), forged.body());
    problem(forged);
    assertEquals(
        401, send(genuine.body().replace("\"40.00\"", "\"4.00\""), genuine.headers()).status());

    // A new event with a signature of another secret, or none, or no event id.
    String fresh = withEventId(body.toString(), UUID.randomUUID().toString());
    String freshId = json(fresh).getString("eventId");
    assertEquals(
        401, send(fresh, signed("not-the-secret", Instant.now(), fresh, freshId)).status());
    assertEquals(401, send(fresh, Map.of("escrow-event-id", freshId)).status());
    Map<String, String> noEventId =
        Map.of(
            "escrow-signature",
            signed(SECRET, Instant.now(), fresh, freshId).get("escrow-signature"));
    assertEquals(401, send(fresh, noEventId).status());
    // The event id header must be the signed body's.
    assertEquals(
        401,
        send(fresh, signed(SECRET, Instant.now(), fresh, UUID.randomUUID().toString())).status());

    // Rightly signed, but more than 5 minutes old, or ahead.
    Api.Reply stale =
        send(fresh, signed(SECRET, Instant.now().minus(Duration.ofMinutes(6)), fresh, freshId));
    assertEquals(401, stale.status(), stale.body());
    problem(stale);
    assertTrue(stale.body().contains("5 minutes"), stale.body());
    assertEquals(
        401,
        send(fresh, signed(SECRET, Instant.now().plus(Duration.ofMinutes(6)), fresh, freshId))
            .status());
    assertEquals(before, state(buyer, deal, id, seller), "nothing changed");

    // The bank's own word, a new event that says otherwise: the payment has its outcome already.
    String late =
        withEventId(
            body.toString().replace("\"COMPLETED\"", "\"FAILED\",\"failureReason\":\"late\""),
            UUID.randomUUID().toString());
    String lateId = json(late).getString("eventId");
    Api.Reply taken = send(late, signed(SECRET, Instant.now(), late, lateId));
    assertEquals(200, taken.status(), taken.body());
    assertEquals(false, taken.json().getBoolean("applied"), taken.body());
    assertEquals(409, send(late, signed(SECRET, Instant.now(), late, lateId)).status());
    assertEquals(before, state(buyer, deal, id, seller), "nothing changed");
  }

  @Test
  void whileTheMarketplaceIsAwayTheBankTriesAgainAndTheOutcomeArrivesOnce() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "500.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "200.00", "PT1H", "5"));
    BankProxy callbacks = BankProxy.callbacks();
    callbacks.away();
    // The marketplace may still send to the bank (code, transfer, settlement), but not ask it how a
    // transfer ended: only the callback can tell it.
    BankProxy.shared().awayExcept("POST /bank/api/v1/partner/");
    int droppedBefore = callbacks.dropped();

    String id = PaymentFlowIT.pay(mail, buyer, deal, "200.00").getString("id");
    Waiting.lastRead(
        Market.PATIENCE,
        Duration.ofMillis(100),
        callbacks::dropped,
        dropped -> dropped >= droppedBefore + 3);
    assertTrue(
        callbacks.dropped() >= droppedBefore + 3,
        "the bank tried again: " + (callbacks.dropped() - droppedBefore));
    assertEquals(
        "PROCESSING", buyer.api().get("/api/v1/payments/" + id).json().getString("status"));
    assertEquals(new BigDecimal("300.00"), Market.balance(buyer.accountNumber()), "carried out");
    assertEquals(new BigDecimal("200.00"), Market.held(seller.accountNumber()));
    System.out.println(
        "CALLBACK attempts refused while the marketplace was away: "
            + (callbacks.dropped() - droppedBefore));

    callbacks.back();
    Market.await(
        buyer.api(),
        "/api/v1/payments/" + id,
        p -> p.getString("status").equals("SUCCEEDED"),
        Market.PATIENCE);
    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "190.00");
    assertEquals(new BigDecimal("300.00"), Market.balance(buyer.accountNumber()));
    assertEquals(new BigDecimal("0.00"), Market.held(seller.accountNumber()));

    // One event for the transfer's end, taken once.
    Captured callback = awaitCallback(id, "COMPLETED");
    String event = eventOf(callback, id).getString("eventId");
    awaitAnswer(event, true);
    List<String> events =
        callbacks.requests().stream()
            .filter(r -> r.body().contains("\"payment-" + id + "\""))
            .map(r -> eventOf(r, id).getString("eventId"))
            .distinct()
            .toList();
    assertEquals(List.of(event), events, "one event for one transfer");
    JsonObject done = buyer.api().get("/api/v1/deals/" + deal).json();
    assertEquals("200.00", done.getString("paidAmount"));
    assertEquals(1, done.getJsonArray("payments").size());
  }

  /**
   * Several events in one request ({"events": [...]}), signed as a whole: each answered on its own,
   * as a single callback of it would have been; the batch as a whole is refused when its signature
   * is not the bank's or of now, or when it is not a list of 1 to 100 events, and nothing changes.
   */
  @Test
  void aBatchIsSignedAsAWholeAndEachOfItsEventsAnsweredOnItsOwn() {
    Paid paid = paidInPart();
    Person seller = paid.seller();
    Person buyer = paid.buyer();
    String deal = paid.deal();
    String id = paid.payment();
    JsonObject genuine = eventOf(awaitCallback(id, "COMPLETED"), id);
    awaitAnswer(genuine.getString("eventId"), true);
    String before = state(buyer, deal, id, seller);

    String lateId = UUID.randomUUID().toString();
    String late =
        withEventId(
            genuine.toString().replace("\"COMPLETED\"", "\"FAILED\",\"failureReason\":\"late\""),
            lateId);
    String unknownId = UUID.randomUUID().toString();
    String unknown =
        withEventId(genuine.toString(), unknownId)
            .replace("\"payment-" + id + "\"", "\"payment-999999999\"");
    String invalidId = UUID.randomUUID().toString();
    String invalid =
        withEventId(genuine.toString().replace("\"COMPLETED\"", "\"SOMEHOW\""), invalidId);
    String batch = "{\"events\":[" + genuine + "," + late + "," + unknown + "," + invalid + ",42]}";

    Api.Reply answered = send(batch, signed(SECRET, Instant.now(), batch, null));
    assertEquals(200, answered.status(), answered.body());
    List<JsonObject> results =
        answered.json().getJsonArray("results").stream().map(JsonValue::asJsonObject).toList();
    assertEquals(5, results.size(), answered.body());
    assertEquals(genuine.getString("eventId"), results.get(0).getString("eventId"));
    assertEquals(409, results.get(0).getInt("status"), "received already: " + results.get(0));
    assertEquals(lateId, results.get(1).getString("eventId"));
    assertEquals(false, results.get(1).getBoolean("applied"), "taken, had its outcome already");
    assertEquals(unknownId, results.get(2).getString("eventId"));
    assertEquals(404, results.get(2).getInt("status"), "no such payment: " + results.get(2));
    assertEquals(invalidId, results.get(3).getString("eventId"));
    assertEquals(400, results.get(3).getInt("status"), "not a final state: " + results.get(3));
    assertEquals(400, results.get(4).getInt("status"), "not an event: " + results.get(4));
    assertEquals(before, state(buyer, deal, id, seller), "nothing changed");

    // The same batch again: every event was received already, or is refused as before.
    Api.Reply again = send(batch, signed(SECRET, Instant.now(), batch, null));
    assertEquals(200, again.status(), again.body());
    assertEquals(
        List.of(409, 409, 404, 400, 400),
        again.json().getJsonArray("results").stream()
            .map(r -> r.asJsonObject().getInt("status"))
            .toList());

    // Refused as a whole: changed under its signature, unsigned, stale, empty, too long.
    String freshEvent =
        withEventId(
            genuine.toString().replace("\"COMPLETED\"", "\"FAILED\",\"failureReason\":\"x\""),
            UUID.randomUUID().toString());
    String fresh = "{\"events\":[" + freshEvent + "]}";
    Map<String, String> signature = signed(SECRET, Instant.now(), fresh, null);
    assertEquals(401, send(fresh.replace("\"x\"", "\"y\""), signature).status());
    assertEquals(401, send(fresh, Map.of()).status());
    assertEquals(401, send(fresh, signed("not-the-secret", Instant.now(), fresh, null)).status());
    Api.Reply stale =
        send(fresh, signed(SECRET, Instant.now().minus(Duration.ofMinutes(6)), fresh, null));
    assertEquals(401, stale.status(), stale.body());
    problem(stale);
    String empty = "{\"events\":[]}";
    Api.Reply none = send(empty, signed(SECRET, Instant.now(), empty, null));
    assertEquals(400, none.status(), none.body());
    problem(none);
    String tooLong =
        "{\"events\":[" + String.join(",", Collections.nCopies(101, freshEvent)) + "]}";
    assertEquals(400, send(tooLong, signed(SECRET, Instant.now(), tooLong, null)).status());
    assertEquals(before, state(buyer, deal, id, seller), "nothing changed");
  }

  // ---------------------------------------------------------------- helpers

  private record Paid(Person seller, Person buyer, String deal, String payment) {}

  /** A deal of 100.00 with a payment of 40.00 SUCCEEDED (its callback taken): IN_PROGRESS. */
  private static Paid paidInPart() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "500.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    String id = PaymentFlowIT.pay(mail, buyer, deal, "40.00").getString("id");
    Market.await(
        buyer.api(),
        "/api/v1/payments/" + id,
        p -> p.getString("status").equals("SUCCEEDED"),
        Market.PATIENCE);
    PaymentFlowIT.awaitDeal(buyer, deal, "IN_PROGRESS");
    return new Paid(seller, buyer, deal, id);
  }

  private static boolean isBatch(Captured request) {
    return request.body().startsWith("{\"events\":");
  }

  /** The event of this payment's transfer in a callback request: the body, or one of a batch. */
  private static JsonObject eventOf(Captured request, String paymentId) {
    JsonObject body = json(request.body());
    if (!body.containsKey("events")) {
      return body;
    }
    return body.getJsonArray("events").stream()
        .map(JsonValue::asJsonObject)
        .filter(e -> e.getString("idempotencyKey").equals("payment-" + paymentId))
        .findFirst()
        .orElseThrow();
  }

  /** The callback the bank sent for this payment's transfer, with this status. */
  private static Captured awaitCallback(String paymentId, String status) {
    Captured callback =
        Waiting.lastRead(
            Market.PATIENCE,
            Duration.ofMillis(100),
            () ->
                BankProxy.callbacks().requests().stream()
                    .filter(
                        request ->
                            request.path().equals(CALLBACKS)
                                && request
                                    .body()
                                    .contains("\"idempotencyKey\":\"payment-" + paymentId + "\"")
                                && eventOf(request, paymentId).getString("status").equals(status))
                    .findFirst()
                    .orElse(null),
            found -> true);
    assertNotNull(callback, "no " + status + " callback for payment " + paymentId);
    return callback;
  }

  /** The marketplace answered the bank's event: taken, and whether it changed the payment. */
  private static void awaitAnswer(String eventId, boolean applied) {
    String answer = "{\"eventId\":\"" + eventId + "\",\"applied\":" + applied + "}";
    Waiting.lastRead(
        Market.PATIENCE,
        Duration.ofMillis(100),
        () -> BankProxy.callbacks().answers().contains(answer),
        answered -> answered);
    assertTrue(
        BankProxy.callbacks().answers().contains(answer), "the marketplace answered " + answer);
  }

  private static Api.Reply send(String body, Map<String, String> captured) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("Content-Type", "application/json");
    if (captured.containsKey("escrow-signature")) {
      headers.put("Escrow-Signature", captured.get("escrow-signature"));
    }
    if (captured.containsKey("escrow-event-id")) {
      headers.put("Escrow-Event-Id", captured.get("escrow-event-id"));
    }
    return Api.anonymous().send("POST", CALLBACKS, body, headers);
  }

  /** The bank's headers for this body; no event id header when {@code eventId} is null. */
  private static Map<String, String> signed(
      String secret, Instant at, String body, String eventId) {
    String signature =
        "t=" + at.getEpochSecond() + ",v1=" + hmac(secret, at.getEpochSecond() + "." + body);
    return eventId == null
        ? Map.of("escrow-signature", signature)
        : Map.of("escrow-signature", signature, "escrow-event-id", eventId);
  }

  private static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String withEventId(String body, String eventId) {
    return body.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + eventId + "\"");
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static void problem(Api.Reply reply) {
    assertNotNull(reply.header("Content-Type"));
    assertTrue(
        reply.header("Content-Type").startsWith("application/problem+json"), reply.toString());
  }

  /** What a callback could change: the payment, the deal, and the money at the bank. */
  private static String state(Person buyer, String deal, String payment, Person seller) {
    JsonObject p = buyer.api().get("/api/v1/payments/" + payment).json();
    JsonObject d = buyer.api().get("/api/v1/deals/" + deal).json();
    return p.getString("status")
        + " "
        + d.getJsonObject("status").getString("code")
        + " paid="
        + d.getString("paidAmount")
        + " payments="
        + d.getJsonArray("payments").size()
        + " buyer="
        + Market.balance(buyer.accountNumber())
        + " held="
        + Market.held(seller.accountNumber())
        + " seller="
        + Market.balance(seller.accountNumber());
  }
}

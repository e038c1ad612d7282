package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static dev.escrow.it.support.Market.BANK_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import dev.escrow.it.support.Waiting;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The money path end to end, through the marketplace's API, the real bank and real mail. */
class PaymentFlowIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  private static final Duration BANK_TIME = Market.PATIENCE;

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  @Test
  void fullPaymentWithinOneBankCompletesTheDealAndPaysTheSellerLessCommission() {
    String settlement = Market.settlementAccount();
    BigDecimal settlementBefore = Market.balance(settlement);
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "5000.00");
    String offer = Market.activeOffer(seller, "1000.00", "PT1H", "5");

    String deal = buy(buyer, offer);
    JsonObject quote =
        buyer
            .api()
            .get("/api/v1/deals/" + deal + "/quote?accountId=" + buyer.accountId() + "&amount=1000")
            .json();
    assertEquals("0.00", quote.getString("fee"), "no fee within one bank");
    assertEquals("1000.00", quote.getString("total"));

    JsonObject payment = pay(buyer, deal, "1000.00");
    long confirmed = System.nanoTime();
    assertEquals("PROCESSING", payment.getString("status"));
    assertTrue(payment.getString("paidAt") != null);
    Market.await(
        buyer.api(),
        "/api/v1/payments/" + payment.getString("id"),
        p -> p.getString("status").equals("SUCCEEDED"),
        BANK_TIME);
    // A figure, not an assertion: how long the bank and the queues took with no processing delay.
    System.out.printf(
        "FIGURE one payment, code accepted -> SUCCEEDED: %d ms%n",
        (System.nanoTime() - confirmed) / 1_000_000);

    awaitDeal(buyer, deal, "COMPLETED");
    awaitBalance(seller.accountNumber(), "950.00");
    assertEquals(new BigDecimal("4000.00"), Market.balance(buyer.accountNumber()));
    assertCommissionPaid(deal, "50.00", settlement, settlementBefore);
    assertEquals("SOLD", seller.api().get("/api/v1/offers/" + offer).json().getString("status"));
  }

  @Test
  void crossBankPaymentAddsTheExactFeeFromTheFeeCache() {
    setFee(BANK_B, BANK_A, "1.50");
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_B, "2000.00");
    String offer = Market.activeOffer(seller, "333.33", "PT1H", "0");
    String deal = buy(buyer, offer);

    JsonObject quote =
        buyer
            .api()
            .get(
                "/api/v1/deals/"
                    + deal
                    + "/quote?accountId="
                    + buyer.accountId()
                    + "&amount=333.33")
            .json();
    assertEquals("1.50", quote.getString("feePercent"));
    assertEquals("5.00", quote.getString("fee"), "333.33 x 1.5% = 4.99995, HALF_UP to 5.00");
    assertEquals("338.33", quote.getString("total"));

    JsonObject payment = pay(buyer, deal, "333.33");
    assertEquals("5.00", payment.getString("fee"));
    awaitDeal(buyer, deal, "COMPLETED");
    assertEquals(new BigDecimal("1661.67"), Market.balance(buyer.accountNumber()));
    awaitBalance(seller.accountNumber(), "333.33");
  }

  @Test
  void twoPartialPaymentsMoveTheDealThroughInProgressToCompleted() {
    String settlement = Market.settlementAccount();
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    String offer = Market.activeOffer(seller, "999.99", "PT1H", "3.33");
    String deal = buy(buyer, offer);

    pay(buyer, deal, "400.00");
    JsonObject partly = awaitDeal(buyer, deal, "IN_PROGRESS");
    assertEquals("400.00", partly.getString("paidAmount"));
    assertEquals("599.99", partly.getString("remainingAmount"));
    assertEquals(
        new BigDecimal("0.00"), Market.balance(seller.accountNumber()), "held, not spendable");
    assertEquals(new BigDecimal("400.00"), Market.held(seller.accountNumber()));

    BigDecimal settlementBefore = Market.balance(settlement);
    pay(buyer, deal, "599.99");
    awaitDeal(buyer, deal, "COMPLETED");
    // commission 999.99 x 3.33% = 33.299667 -> 33.30
    awaitBalance(seller.accountNumber(), "966.69");
    assertEquals(new BigDecimal("0.00"), Market.held(seller.accountNumber()));
    assertEquals(new BigDecimal("0.01"), Market.balance(buyer.accountNumber()));
    assertCommissionPaid(deal, "33.30", settlement, settlementBefore);
  }

  @Test
  void aRepeatedRequestWithTheSameIdempotencyKeyStartsOnePayment() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "100.00");
    String deal = buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    String body = "{\"accountId\":\"" + buyer.accountId() + "\",\"amount\":\"100.00\"}";
    Map<String, String> key = Map.of("Idempotency-Key", Api.unique("k"));

    Api.Reply first = buyer.api().send("POST", "/api/v1/deals/" + deal + "/payments", body, key);
    Api.Reply again = buyer.api().send("POST", "/api/v1/deals/" + deal + "/payments", body, key);
    assertEquals(201, first.status(), first.body());
    assertEquals(201, again.status(), again.body());
    assertEquals(first.json().getString("id"), again.json().getString("id"));

    Api.Reply otherBody =
        buyer
            .api()
            .send(
                "POST",
                "/api/v1/deals/" + deal + "/payments",
                body.replace("100.00", "50.00"),
                key);
    assertEquals(409, otherBody.status(), otherBody.body());
    assertEquals(
        1, buyer.api().get("/api/v1/deals/" + deal).json().getJsonArray("payments").size());
  }

  @Test
  void twoBuyersRacingForOneOfferGetOneDealAndOneConflict() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person first = Market.client(BANK_A, null);
    Person second = Market.client(BANK_A, null);
    String offer = Market.activeOffer(seller, "10.00", "PT1H", "5");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> buys = new ArrayList<>();
      for (Person buyer : List.of(first, second)) {
        buys.add(() -> buyer.api().post("/api/v1/offers/" + offer + "/buy", "").status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(buys)) {
        statuses.add(f.get());
      }
      statuses.sort(Integer::compareTo);
      assertEquals(List.of(201, 409), statuses);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSellerCannotBuyTheirOwnOffer() {
    Person seller = Market.client(BANK_A, null);
    String offer = Market.activeOffer(seller, "10.00", "PT1H", "5");
    assertEquals(409, seller.api().post("/api/v1/offers/" + offer + "/buy", "").status());
  }

  @Test
  void aWrongCodeSaysHowManyTriesAreLeftAndChangesNothing() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "100.00");
    String deal = buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    Api.Reply started =
        buyer
            .api()
            .post(
                "/api/v1/deals/" + deal + "/payments",
                "{\"accountId\":\"" + buyer.accountId() + "\",\"amount\":\"100\"}");
    assertEquals(201, started.status(), started.body());
    assertTrue(started.json().getJsonObject("confirmation").getString("sentTo").contains("***"));
    Api.Reply wrong =
        buyer
            .api()
            .post(
                "/api/v1/payments/" + started.json().getString("id") + "/confirmation",
                "{\"code\":\"000000\"}");
    assertEquals(400, wrong.status(), wrong.body());
    assertEquals(4, wrong.json().getInt("attemptsLeft"));
    assertEquals(
        "AWAITING_CONFIRMATION",
        buyer
            .api()
            .get("/api/v1/payments/" + started.json().getString("id"))
            .json()
            .getString("status"));
  }

  @Test
  void aPaymentAboveWhatRemainsIsRefused() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    String deal = buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    Api.Reply tooMuch =
        buyer
            .api()
            .post(
                "/api/v1/deals/" + deal + "/payments",
                "{\"accountId\":\"" + buyer.accountId() + "\",\"amount\":\"100.01\"}");
    assertEquals(400, tooMuch.status(), tooMuch.body());
  }

  @Test
  void nobodyButTheBuyerTheSellerAndTheAdminSeesADeal() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, null);
    Person stranger = Market.client(BANK_A, null);
    String deal = buy(buyer, Market.activeOffer(seller, "10.00", "PT1H", "5"));
    assertEquals(200, seller.api().get("/api/v1/deals/" + deal).status());
    assertEquals(200, Api.admin().get("/api/v1/deals/" + deal).status());
    assertEquals(404, stranger.api().get("/api/v1/deals/" + deal).status());
    assertTrue(
        !buyer.api().get("/api/v1/deals/" + deal).body().toLowerCase().contains("commission"));
  }

  static String buy(Person buyer, String offer) {
    Api.Reply deal = buyer.api().post("/api/v1/offers/" + offer + "/buy", "");
    assertEquals(201, deal.status(), deal.body());
    assertEquals("AWAITING_PAYMENT", deal.json().getJsonObject("status").getString("code"));
    assertTrue(deal.header("Location").endsWith("/api/v1/deals/" + deal.json().getString("id")));
    return deal.json().getString("id");
  }

  static JsonObject pay(Person buyer, String deal, String amount) {
    return pay(mail, buyer, deal, amount);
  }

  static JsonObject pay(GreenMailExtension mail, Person buyer, String deal, String amount) {
    Api.Reply started =
        buyer
            .api()
            .post(
                "/api/v1/deals/" + deal + "/payments",
                "{\"accountId\":\"" + buyer.accountId() + "\",\"amount\":\"" + amount + "\"}");
    assertEquals(201, started.status(), started.body());
    assertEquals("AWAITING_CONFIRMATION", started.json().getString("status"));
    String code = Market.codeFor(mail, buyer.email(), "payment-" + started.json().getString("id"));
    Api.Reply confirmed =
        buyer
            .api()
            .post(
                "/api/v1/payments/" + started.json().getString("id") + "/confirmation",
                "{\"code\":\"" + code + "\"}");
    assertEquals(202, confirmed.status(), confirmed.body());
    return confirmed.json();
  }

  /**
   * The deal's operation was settled at the bank with exactly this commission, and the settlement
   * account received at least it. Only "at least": the settlement account is the whole server's,
   * and a payout of another test's deal may land on it at any moment (an exact "before + 50.00"
   * failed whenever one did).
   */
  static void assertCommissionPaid(
      String deal, String commission, String settlement, BigDecimal settlementBefore) {
    AtomicReference<JsonObject> seen = new AtomicReference<>();
    try {
      Waiting.upTo(BANK_TIME, Duration.ofMillis(250))
          .until(
              () -> {
                seen.set(adminView(deal));
                return "SETTLED".equals(seen.get().getString("payout"));
              });
    } catch (ConditionTimeoutException e) {
      // told by the assertion
    }
    JsonObject view = seen.get();
    assertEquals("SETTLED", view.getString("payout"), view.toString());
    assertEquals(commission, view.getString("commission"), view.toString());
    Api.Reply operation =
        Api.anonymous()
            .send(
                "GET",
                "/bank/api/v1/partner/operations/" + view.getString("operationKey"),
                null,
                Map.of("X-Api-Key", "test-bank-api-key"));
    assertEquals(200, operation.status(), operation.body());
    assertEquals("SETTLED", operation.json().getString("status"), operation.body());
    assertEquals(commission, operation.json().getString("commissionAmount"), operation.body());
    BigDecimal balance = Market.balance(settlement);
    assertTrue(
        balance.compareTo(settlementBefore.add(new BigDecimal(commission))) >= 0,
        "the settlement account received the commission: " + settlementBefore + " -> " + balance);
  }

  /** The deal as the administrator sees it (payout state, commission, operation key). */
  private static JsonObject adminView(String deal) {
    Api.Reply deals = Api.admin().get("/api/v1/admin/deals?max=500");
    assertEquals(200, deals.status(), deals.body());
    return deals.array().getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getJsonObject("deal").getString("id").equals(deal))
        .findFirst()
        .orElseThrow(() -> new AssertionError("deal " + deal + " not in the admin's list"));
  }

  static JsonObject awaitDeal(Person buyer, String deal, String status) {
    return Market.await(
        buyer.api(),
        "/api/v1/deals/" + deal,
        d -> d.getJsonObject("status").getString("code").equals(status),
        BANK_TIME);
  }

  static BigDecimal awaitBalance(String account, String expected) {
    AtomicReference<BigDecimal> balance = new AtomicReference<>();
    try {
      Waiting.upTo(BANK_TIME, Duration.ofMillis(250))
          .until(
              () -> {
                balance.set(Market.balance(account));
                return balance.get().compareTo(new BigDecimal(expected)) == 0;
              });
    } catch (ConditionTimeoutException e) {
      // told by the assertion
    }
    assertEquals(new BigDecimal(expected), balance.get(), "balance of " + account);
    return balance.get();
  }

  static void setFee(String from, String to, String percent) {
    Api.Reply fees = Api.operator().get("/bank/api/v1/backoffice/fees");
    StringBuilder schedule = new StringBuilder("[");
    for (var fee : fees.array()) {
      JsonObject f = fee.asJsonObject();
      if (f.getString("fromBank").equals(from) && f.getString("toBank").equals(to)) {
        continue;
      }
      schedule.append(f).append(',');
    }
    schedule
        .append("{\"fromBank\":\"")
        .append(from)
        .append("\",\"toBank\":\"")
        .append(to)
        .append("\",\"percent\":\"")
        .append(percent)
        .append("\"}]");
    Api.Reply set = Api.operator().put("/bank/api/v1/backoffice/fees", schedule.toString());
    assertEquals(200, set.status(), set.body());
    Api.Reply job = Api.admin().post("/api/v1/admin/jobs/fee-refresh", "");
    assertEquals(202, job.status(), job.body());
    Market.await(
        Api.admin(),
        "/api/v1/admin/jobs/" + job.json().getString("executionId"),
        j -> j.getString("status").equals("COMPLETED"),
        Market.PATIENCE);
  }
}

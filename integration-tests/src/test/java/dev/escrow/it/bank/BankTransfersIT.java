package dev.escrow.it.bank;

import static dev.escrow.it.bank.BankFixture.AURORA;
import static dev.escrow.it.bank.BankFixture.NORTHERN;
import static dev.escrow.it.bank.BankFixture.VOLGA;
import static dev.escrow.it.bank.BankFixture.awaitFinal;
import static dev.escrow.it.bank.BankFixture.balance;
import static dev.escrow.it.bank.BankFixture.held;
import static dev.escrow.it.bank.BankFixture.partnerGet;
import static dev.escrow.it.bank.BankFixture.partnerPost;
import static dev.escrow.it.bank.BankFixture.pay;
import static dev.escrow.it.bank.BankFixture.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.escrow.it.bank.BankFixture.Holder;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transfers through the queue, fees, operations settled and reversed, idempotency. */
class BankTransfersIT extends EarDeployment {

  @RegisterExtension static GreenMailExtension mail = BankFixture.mailServer();

  @BeforeEach
  void fastBank() {
    BankFixture.processingDelay(0);
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  @Test
  void aTransferWithinOneBankIsFreeAndHeldForThePayee() {
    Holder payer = BankFixture.holder("Ivan Payer", AURORA, "1000.00");
    Holder payee = BankFixture.holder("Olga Payee", AURORA, "0");
    JsonObject done = pay(mail, payer, payee, "250.00", "deal-" + UUID.randomUUID());
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals("0.00", done.getString("fee"));
    assertEquals("250.00", done.getString("total"));
    assertTrue(done.containsKey("completedAt"));
    assertEquals(dec("750.00"), balance(payer.number()));
    assertEquals(dec("0.00"), balance(payee.number()));
    assertEquals(dec("250.00"), held(payee.number()));
    JsonObject operation = partnerGet("/operations/" + done.getString("operationKey")).json();
    assertEquals("OPEN", operation.getString("status"));
    assertEquals("250.00", operation.getString("held"));
    assertEquals(1, operation.getJsonArray("transfers").size());
  }

  @Test
  void aTransferBetweenBanksPaysTheScheduledFeeToThePayersBank() {
    Api.Reply schedule =
        BankFixture.backOfficePut(
            "/fees",
            "[{\"fromBank\":\""
                + VOLGA
                + "\",\"toBank\":\""
                + AURORA
                + "\",\"percent\":\"1.50\"}]");
    assertEquals(200, schedule.status(), schedule.body());
    assertTrue(
        partnerGet("/fees").array().stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .anyMatch(
                r ->
                    r.getString("fromBank").equals(VOLGA)
                        && r.getString("toBank").equals(AURORA)
                        && r.getString("percent").equals("1.50")),
        "the partner sees the schedule");
    BigDecimal feesBefore = dec(BankFixture.audit().getString("fees"));
    BigDecimal volgaBefore = volgaFeeIncome();
    Holder payer = BankFixture.holder("Petr Volgin", VOLGA, "1000.00");
    Holder payee = BankFixture.holder("Anna Aurora", AURORA, "0");
    JsonObject done = pay(mail, payer, payee, "333.33", "deal-" + UUID.randomUUID());
    assertEquals("COMPLETED", done.getString("status"));
    assertEquals("5.00", done.getString("fee"), "1.50% of 333.33 = 4.99995, rounded half up");
    assertEquals("338.33", done.getString("total"));
    assertEquals(dec("661.67"), balance(payer.number()));
    assertEquals(dec("333.33"), held(payee.number()));
    JsonObject audit = BankFixture.audit();
    assertEquals(feesBefore.add(dec("5.00")), dec(audit.getString("fees")));
    assertEquals(volgaBefore.add(dec("5.00")), volgaFeeIncome(), "the payer's bank earns the fee");
    assertTrue(audit.getBoolean("consistent"), audit.toString());
  }

  private static BigDecimal volgaFeeIncome() {
    return BankFixture.backOfficeGet("/fee-income").array().stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(i -> i.getString("bankRequisite").equals(VOLGA))
        .map(i -> dec(i.getString("amount")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFeeThatDiffersFromTheScheduleIsRefused() {
    Holder payer = BankFixture.holder("Fee Payer", NORTHERN, "1000.00");
    Holder payee = BankFixture.holder("Fee Payee", AURORA, "0");
    JsonObject authorization = BankFixture.authorizedPayment(mail, payer, payee, "100.00");
    Api.Reply refused =
        submit(
            authorization,
            payer,
            payee,
            "100.00",
            "0.00",
            "deal-" + UUID.randomUUID(),
            UUID.randomUUID().toString());
    assertEquals(409, refused.status(), refused.body());
    assertEquals(dec("1000.00"), balance(payer.number()));
  }

  @Test
  void anUnverifiedCodePaysNothing() {
    Holder payer = BankFixture.holder("Lazy Payer", AURORA, "1000.00");
    Holder payee = BankFixture.holder("Lazy Payee", AURORA, "0");
    JsonObject authorization =
        BankFixture.requestPayment(payer, payee, "10.00", "ref-" + UUID.randomUUID()).json();
    Api.Reply refused =
        submit(
            authorization,
            payer,
            payee,
            "10.00",
            "0.00",
            "deal-" + UUID.randomUUID(),
            UUID.randomUUID().toString());
    assertEquals(409, refused.status(), refused.body());
  }

  /**
   * A transfer may bring its payer's code: the bank checks it and uses it for this transfer in one
   * step. A wrong code spends a try (kept, though nothing else is written) and transfers nothing; a
   * repeat of the key answers the first transfer; the code then confirms nothing else.
   */
  @Test
  void aTransferThatBringsItsCodeIsCheckedAndAcceptedInOneStep() {
    Holder payer = BankFixture.holder("Quick Payer", AURORA, "1000.00");
    Holder payee = BankFixture.holder("Quick Payee", AURORA, "0");
    String reference = "ref-" + UUID.randomUUID();
    JsonObject authorization = BankFixture.requestPayment(payer, payee, "40.00", reference).json();
    String code = BankFixture.codeFrom(mail, payer.email(), reference);
    String wrong = code.equals("000000") ? "111111" : "000000";
    String group = "deal-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();

    Api.Reply refused = withCode(authorization, payer, payee, group, key, wrong);
    assertEquals(400, refused.status(), refused.body());
    assertEquals("WRONG_CODE", refused.json().getString("reason"));
    assertEquals(4, refused.json().getInt("attemptsLeft"));
    Api.Reply again = withCode(authorization, payer, payee, group, key, wrong);
    assertEquals(3, again.json().getInt("attemptsLeft"), "the spent try stayed spent");
    assertEquals(dec("1000.00"), balance(payer.number()));

    Api.Reply accepted = withCode(authorization, payer, payee, group, key, code);
    assertEquals(202, accepted.status(), accepted.body());
    Api.Reply repeat = withCode(authorization, payer, payee, group, key, code);
    assertEquals(accepted.json().getString("id"), repeat.json().getString("id"));
    JsonObject done = awaitFinal(accepted.json().getString("id"));
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(dec("960.00"), balance(payer.number()));

    Api.Reply other =
        withCode(authorization, payer, payee, group, UUID.randomUUID().toString(), code);
    assertEquals(409, other.status(), other.body());
    assertEquals(dec("960.00"), balance(payer.number()), "the code confirmed one transfer");
    Api.Reply malformed = withCode(authorization, payer, payee, group, key + "-x", "12ab56");
    assertEquals(400, malformed.status(), malformed.body());
  }

  private static Api.Reply withCode(
      JsonObject authorization, Holder payer, Holder payee, String group, String key, String code) {
    return submit(authorization, payer, payee, "40.00", "0.00", group, key, code);
  }

  @Test
  void insufficientFundsFailTheTransferAndMoveNothing() {
    Holder payer = BankFixture.holder("Poor Payer", AURORA, "100.00");
    Holder payee = BankFixture.holder("Hopeful Payee", NORTHERN, "0");
    BigDecimal feesBefore = dec(BankFixture.audit().getString("fees"));
    JsonObject done = pay(mail, payer, payee, "99.50", "deal-" + UUID.randomUUID());
    assertEquals("FAILED", done.getString("status"), "99.50 + 1% fee is more than 100.00");
    assertEquals("insufficient funds", done.getString("failureReason"));
    assertEquals(dec("100.00"), balance(payer.number()));
    assertEquals(dec("0.00"), held(payee.number()));
    assertEquals(feesBefore, dec(BankFixture.audit().getString("fees")));
  }

  @Test
  void aRepeatedSubmissionMovesTheMoneyOnce() throws Exception {
    Holder payer = BankFixture.holder("Twice Payer", AURORA, "1000.00");
    Holder payee = BankFixture.holder("Twice Payee", NORTHERN, "0");
    JsonObject authorization = BankFixture.authorizedPayment(mail, payer, payee, "100.00");
    String key = UUID.randomUUID().toString();
    String group = "deal-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Api.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      replies.add(
          pool.submit(() -> submit(authorization, payer, payee, "100.00", "1.00", group, key)));
    }
    Set<String> ids = new HashSet<>();
    for (Future<Api.Reply> reply : replies) {
      assertEquals(202, reply.get().status(), reply.get().body());
      ids.add(reply.get().json().getString("id"));
    }
    pool.shutdown();
    assertEquals(1, ids.size(), "every repeat answers the first transfer");
    awaitFinal(ids.iterator().next());
    Api.Reply later = submit(authorization, payer, payee, "100.00", "1.00", group, key);
    assertEquals(202, later.status());
    assertEquals(ids.iterator().next(), later.json().getString("id"));
    Api.Reply otherKey =
        submit(authorization, payer, payee, "100.00", "1.00", group, UUID.randomUUID().toString());
    assertEquals(409, otherKey.status(), "the code was used for another transfer");
    assertEquals(dec("899.00"), balance(payer.number()));
    assertEquals(dec("100.00"), held(payee.number()));
  }

  @Test
  void twoFirstTransfersOfOneGroupShareOneOperationKey() throws Exception {
    Holder payer = BankFixture.holder("Race Payer", AURORA, "1000.00");
    Holder payee = BankFixture.holder("Race Payee", AURORA, "0");
    JsonObject first = BankFixture.authorizedPayment(mail, payer, payee, "10.00");
    JsonObject second = BankFixture.authorizedPayment(mail, payer, payee, "20.00");
    String group = "deal-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Callable<Api.Reply> a =
        () -> submit(first, payer, payee, "10.00", "0.00", group, UUID.randomUUID().toString());
    Callable<Api.Reply> b =
        () -> submit(second, payer, payee, "20.00", "0.00", group, UUID.randomUUID().toString());
    Future<Api.Reply> ra = pool.submit(a);
    Future<Api.Reply> rb = pool.submit(b);
    assertEquals(202, ra.get().status(), ra.get().body());
    assertEquals(202, rb.get().status(), rb.get().body());
    pool.shutdown();
    assertEquals(
        ra.get().json().getString("operationKey"), rb.get().json().getString("operationKey"));
  }

  @Test
  void reversingThreeTransfersRestoresEveryBalanceExactly() {
    // the pair's rate as the figures below assume it (another class of the suite changes it)
    Api.Reply schedule =
        BankFixture.backOfficePut(
            "/fees",
            "[{\"fromBank\":\""
                + NORTHERN
                + "\",\"toBank\":\""
                + AURORA
                + "\",\"percent\":\"1.00\"}]");
    assertEquals(200, schedule.status(), schedule.body());
    Holder payer = BankFixture.holder("Refund Payer", NORTHERN, "1000.00");
    Holder payee = BankFixture.holder("Refund Payee", AURORA, "50.00");
    JsonObject auditBefore = BankFixture.audit();
    String group = "deal-" + UUID.randomUUID();
    String key = null;
    for (String amount : List.of("100.00", "33.33", "0.01")) {
      JsonObject done = pay(mail, payer, payee, amount, group);
      assertEquals("COMPLETED", done.getString("status"));
      key = done.getString("operationKey");
    }
    assertEquals(dec("865.33"), balance(payer.number()), "1000 - 133.34 - fees 1.00 + 0.33 + 0.00");
    assertEquals(dec("133.34"), held(payee.number()));
    Api.Reply reversed = partnerPost("/operations/" + key + "/reversal", null);
    assertEquals(200, reversed.status(), reversed.body());
    assertEquals("REVERSED", reversed.json().getString("status"));
    assertEquals("0.00", reversed.json().getString("held"));
    reversed
        .json()
        .getJsonArray("transfers")
        .forEach(t -> assertEquals("REVERSED", t.asJsonObject().getString("status")));
    assertEquals(dec("1000.00"), balance(payer.number()));
    assertEquals(dec("50.00"), balance(payee.number()));
    assertEquals(dec("0.00"), held(payee.number()));
    JsonObject auditAfter = BankFixture.audit();
    assertEquals(auditBefore.getString("fees"), auditAfter.getString("fees"));
    assertTrue(auditAfter.getBoolean("consistent"));

    Api.Reply again = partnerPost("/operations/" + key + "/reversal", null);
    assertEquals(200, again.status(), "a repeat answers the same");
    assertEquals(dec("1000.00"), balance(payer.number()));
    Api.Reply settle =
        partnerPost("/operations/" + key + "/settlement", "{\"commissionAmount\":\"0.00\"}");
    assertEquals(409, settle.status(), "a reversed operation is not settled");
  }

  @Test
  void settlingPaysThePayeeLessTheCommission() {
    Holder payer = BankFixture.holder("Buyer", AURORA, "1000.00");
    Holder seller = BankFixture.holder("Seller", AURORA, "0");
    Holder marketplace = BankFixture.holder("Marketplace Test", NORTHERN, "0");
    String group = "deal-" + UUID.randomUUID();
    pay(mail, payer, seller, "300.00", group);
    String key = pay(mail, payer, seller, "200.00", group).getString("operationKey");
    String body =
        "{\"commissionAmount\":\"25.50\",\"commissionAccount\":\"" + marketplace.number() + "\"}";
    Api.Reply settled = partnerPost("/operations/" + key + "/settlement", body);
    assertEquals(200, settled.status(), settled.body());
    assertEquals("SETTLED", settled.json().getString("status"));
    assertEquals(dec("474.50"), balance(seller.number()));
    assertEquals(dec("0.00"), held(seller.number()));
    assertEquals(dec("25.50"), balance(marketplace.number()));
    assertEquals(dec("500.00"), balance(payer.number()));
    assertEquals(
        200,
        partnerPost("/operations/" + key + "/settlement", body).status(),
        "a repeat answers the same");
    assertEquals(dec("474.50"), balance(seller.number()));
    assertEquals(409, partnerPost("/operations/" + key + "/reversal", null).status());
    Api.Reply lateJoin =
        submit(
            BankFixture.authorizedPayment(mail, payer, seller, "1.00"),
            payer,
            seller,
            "1.00",
            "0.00",
            group,
            UUID.randomUUID().toString());
    assertEquals(409, lateJoin.status(), "a settled operation takes no more transfers");
  }

  @Test
  void anOperationWithAQueuedTransferIsNeitherSettledNorReversed() {
    Holder payer = BankFixture.holder("Slow Payer", AURORA, "100.00");
    Holder payee = BankFixture.holder("Slow Payee", AURORA, "0");
    JsonObject authorization = BankFixture.authorizedPayment(mail, payer, payee, "10.00");
    BankFixture.processingDelay(3);
    Api.Reply accepted =
        submit(
            authorization,
            payer,
            payee,
            "10.00",
            "0.00",
            "deal-" + UUID.randomUUID(),
            UUID.randomUUID().toString());
    BankFixture.processingDelay(0);
    assertEquals(202, accepted.status());
    String key = accepted.json().getString("operationKey");
    assertEquals(409, partnerPost("/operations/" + key + "/reversal", null).status());
    assertEquals(
        409,
        partnerPost("/operations/" + key + "/settlement", "{\"commissionAmount\":0}").status());
    assertEquals("COMPLETED", awaitFinal(accepted.json().getString("id")).getString("status"));
    assertEquals(200, partnerPost("/operations/" + key + "/reversal", null).status());
  }

  @Test
  void badTransferRequestsAnswer400AndUnknownThings404() {
    Holder payer = BankFixture.holder("Bad Payer", AURORA, "100.00");
    Holder payee = BankFixture.holder("Bad Payee", AURORA, "0");
    JsonObject authorization = BankFixture.authorizedPayment(mail, payer, payee, "10.00");
    String id = authorization.getString("id");
    String[] bodies = {
      "{}",
      "{\"authorizationId\":\""
          + id
          + "\",\"payerAccount\":\"x\",\"payeeAccount\":\""
          + payee.number()
          + "\",\"amount\":\"10.00\",\"fee\":\"0.00\",\"groupReference\":\"g\"}",
      "{\"authorizationId\":\""
          + id
          + "\",\"payerAccount\":\""
          + payer.number()
          + "\",\"payeeAccount\":\"\",\"amount\":\"10.00\",\"fee\":\"0.00\",\"groupReference\":\"g\"}",
      "{\"authorizationId\":\""
          + id
          + "\",\"payerAccount\":\""
          + payer.number()
          + "\",\"payeeAccount\":\""
          + payee.number()
          + "\",\"amount\":\"-10.00\",\"fee\":\"0.00\",\"groupReference\":\"g\"}",
      "{\"authorizationId\":\""
          + id
          + "\",\"payerAccount\":\""
          + payer.number()
          + "\",\"payeeAccount\":\""
          + payee.number()
          + "\",\"amount\":\"10.001\",\"fee\":\"0.00\",\"groupReference\":\"g\"}",
      "{\"authorizationId\":\""
          + id
          + "\",\"payerAccount\":\""
          + payer.number()
          + "\",\"payeeAccount\":\""
          + payee.number()
          + "\",\"amount\":\"10.00\",\"fee\":\"-1\",\"groupReference\":\"g\"}",
      "{\"authorizationId\":\""
          + id
          + "\",\"payerAccount\":\""
          + payer.number()
          + "\",\"payeeAccount\":\""
          + payee.number()
          + "\",\"amount\":\"10.00\",\"fee\":\"0.00\",\"groupReference\":\"\"}",
      "{\"authorizationId\":\"\",\"payerAccount\":\""
          + payer.number()
          + "\",\"payeeAccount\":\""
          + payee.number()
          + "\",\"amount\":\"10.00\",\"fee\":\"0.00\",\"groupReference\":\"g\"}",
      "{\"amount\":[1]}",
    };
    for (String body : bodies) {
      Api.Reply reply =
          partnerPost(
              "/transfers",
              body,
              java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString()));
      assertEquals(400, reply.status(), body + " -> " + reply.body());
    }
    Api.Reply noKey =
        partnerPost(
            "/transfers",
            "{\"authorizationId\":\""
                + id
                + "\",\"payerAccount\":\""
                + payer.number()
                + "\",\"payeeAccount\":\""
                + payee.number()
                + "\",\"amount\":\"10.00\",\"fee\":\"0.00\",\"groupReference\":\"g\"}");
    assertEquals(400, noKey.status(), noKey.body());
    assertEquals(dec("100.00"), balance(payer.number()));
    assertEquals(404, partnerGet("/transfers/" + UUID.randomUUID()).status());
    assertEquals(404, partnerGet("/operations/" + UUID.randomUUID()).status());
    assertEquals(404, partnerPost("/operations/" + UUID.randomUUID() + "/reversal", null).status());
    assertEquals(
        400,
        partnerPost(
                "/operations/" + UUID.randomUUID() + "/settlement", "{\"commissionAmount\":\"x1\"}")
            .status());
  }
}

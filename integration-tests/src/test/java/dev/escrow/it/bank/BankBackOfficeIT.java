package dev.escrow.it.bank;

import static dev.escrow.it.bank.BankFixture.AURORA;
import static dev.escrow.it.bank.BankFixture.NORTHERN;
import static dev.escrow.it.bank.BankFixture.VOLGA;
import static dev.escrow.it.bank.BankFixture.account;
import static dev.escrow.it.bank.BankFixture.backOfficeGet;
import static dev.escrow.it.bank.BankFixture.backOfficePost;
import static dev.escrow.it.bank.BankFixture.backOfficePut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.bank.BankFixture.Holder;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The operator's back office over HTTP Basic: customers, accounts, deposits, fees, audit. */
class BankBackOfficeIT extends EarDeployment {

  @Test
  void operatorOpensAnAccountWithAWellFormedNumber() {
    JsonObject customer = BankFixture.customer("Anna Smirnova");
    assertEquals("Anna Smirnova", customer.getString("fullName"));
    assertEquals("+7 900 123-45-67", customer.getString("phone"));
    Api.Reply opened =
        backOfficePost(
            "/customers/" + customer.getString("id") + "/accounts",
            "{\"bankRequisite\":\"" + NORTHERN + "\"}");
    assertEquals(201, opened.status(), opened.body());
    JsonObject account = opened.json();
    assertTrue(account.getString("number").matches("117[0-9A-F]{10}"), account.toString());
    assertEquals(NORTHERN, account.getString("bankRequisite"));
    assertEquals("0.00", account.getString("balance"));

    JsonObject view = account(account.getString("number"));
    assertEquals("0.00", view.getString("held"));
    assertEquals(NORTHERN, view.getString("bankRequisite"));
  }

  @Test
  void depositRaisesTheBalanceAndTheAuditStillHolds() {
    JsonObject before = BankFixture.audit();
    Holder holder = BankFixture.holder("Petr Ivanov", AURORA, "0");
    Api.Reply deposited =
        backOfficePost("/accounts/" + holder.number() + "/deposits", "{\"amount\":1500.5}");
    assertEquals(200, deposited.status(), deposited.body());
    assertEquals("1500.50", deposited.json().getString("balance"));
    assertEquals(holder.number(), deposited.json().getString("number"));

    JsonObject after = BankFixture.audit();
    assertTrue(after.getBoolean("consistent"), after.toString());
    assertEquals(
        new java.math.BigDecimal(before.getString("deposits"))
            .add(new java.math.BigDecimal("1500.50")),
        new java.math.BigDecimal(after.getString("deposits")));
  }

  @Test
  void everyBadFieldAnswers400AndChangesNothing() {
    Holder holder = BankFixture.holder("Olga Popova", VOLGA, "100.00");
    assertFields(
        backOfficePost(
            "/customers", "{\"fullName\":\" \",\"email\":\"not-mail\",\"phone\":\"abc\"}"),
        "fullName",
        "email",
        "phone");
    assertFields(backOfficePost("/customers", "{}"), "fullName", "email", "phone");
    JsonObject customer = BankFixture.customer("Ivan Kozlov");
    String accounts = "/customers/" + customer.getString("id") + "/accounts";
    assertFields(backOfficePost(accounts, "{\"bankRequisite\":\"12345\"}"), "bankRequisite");
    assertFields(backOfficePost(accounts, "{\"bankRequisite\":\"999999999\"}"), "bankRequisite");
    String deposits = "/accounts/" + holder.number() + "/deposits";
    for (String amount : List.of("-5", "0", "0.001", "12345678901234.00", "null")) {
      assertFields(backOfficePost(deposits, "{\"amount\":" + amount + "}"), "amount");
    }
    assertEquals(400, backOfficePost(deposits, "{\"amount\":\"abc\"}").status());
    assertEquals(400, backOfficePost(deposits, "{\"amount\":").status());
    assertFields(
        backOfficePut("/settings", "{\"processingDelaySeconds\":-1}"), "processingDelaySeconds");
    assertFields(
        backOfficePut(
            "/fees",
            "[{\"fromBank\":\"" + AURORA + "\",\"toBank\":\"" + NORTHERN + "\",\"percent\":101}]"),
        "percent");
    assertEquals(
        400,
        backOfficePut(
                "/fees",
                "[{\"fromBank\":\"" + AURORA + "\",\"toBank\":\"" + AURORA + "\",\"percent\":1}]")
            .status());

    assertEquals("100.00", account(holder.number()).getString("balance"));
    assertEquals(
        0, backOfficeGet("/customers/" + customer.getString("id") + "/accounts").array().size());
  }

  private static void assertFields(Api.Reply reply, String... fields) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.header("Content-Type"));
    Set<String> named =
        reply.json().getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .collect(Collectors.toSet());
    for (String field : fields) {
      assertTrue(named.contains(field), field + " is named in " + reply.body());
    }
  }

  @Test
  void unknownThingsAnswer404AndStrangersAnswer401() {
    assertEquals(404, backOfficeGet("/accounts/0420000000000").status());
    assertEquals(404, backOfficeGet("/accounts/nonsense").status());
    assertEquals(
        404,
        backOfficePost("/customers/999999999/accounts", "{\"bankRequisite\":\"" + AURORA + "\"}")
            .status());
    assertEquals(
        404, backOfficePost("/accounts/0420000000000/deposits", "{\"amount\":\"1.00\"}").status());
    Api.Reply anonymous = Api.anonymous().get("/bank/api/v1/backoffice/audit");
    assertEquals(401, anonymous.status());
    assertEquals("application/problem+json", anonymous.header("Content-Type"));
    assertEquals(401, Api.as("operator", "wrong").get("/bank/api/v1/backoffice/audit").status());
  }

  @Test
  void feeScheduleIsChangedPairByPair() {
    Api.Reply changed =
        backOfficePut(
            "/fees",
            "[{\"fromBank\":\""
                + VOLGA
                + "\",\"toBank\":\""
                + NORTHERN
                + "\",\"percent\":\"2.25\"}]");
    assertEquals(200, changed.status(), changed.body());
    JsonObject pair =
        changed.array().stream()
            .map(JsonValue::asJsonObject)
            .filter(
                r ->
                    r.getString("fromBank").equals(VOLGA) && r.getString("toBank").equals(NORTHERN))
            .findFirst()
            .orElseThrow();
    assertEquals("2.25", pair.getString("percent"));
    assertTrue(changed.array().size() >= 90, "the other pairs keep theirs");
    assertEquals(changed.array(), backOfficeGet("/fees").array());
    backOfficePut(
        "/fees",
        "[{\"fromBank\":\"" + VOLGA + "\",\"toBank\":\"" + NORTHERN + "\",\"percent\":\"1.00\"}]");
  }

  @Test
  void processingDelayIsASetting() {
    Api.Reply changed = backOfficePut("/settings", "{\"processingDelaySeconds\":7}");
    assertEquals(200, changed.status(), changed.body());
    assertEquals(7, changed.json().getInt("processingDelaySeconds"));
    BankFixture.processingDelay(0);
  }

  @Test
  void demoOutboxIsOffOutsideDemoMode() {
    Api.Reply outbox = Api.anonymous().get("/bank/api/v1/demo/outbox?to=someone@test.example");
    assertEquals(404, outbox.status(), outbox.body());
  }
}

package dev.escrow.it.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Waiting;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the bank's test data through its back office and drives the partner API. */
final class BankFixture {

  static final String API_KEY = "test-bank-api-key";
  static final String AURORA = "044525042"; // bank 042
  static final String NORTHERN = "044030117"; // bank 117
  static final String VOLGA = "042202205"; // bank 205
  private static final Pattern CODE = Pattern.compile("Code: (\\d{6})");

  private BankFixture() {}

  static GreenMailExtension mailServer() {
    return new GreenMailExtension(
            new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"))
        .withPerMethodLifecycle(false);
  }

  static Api.Reply partnerGet(String path) {
    return Api.anonymous()
        .send("GET", "/bank/api/v1/partner" + path, null, Map.of("X-Api-Key", API_KEY));
  }

  static Api.Reply partnerPost(String path, String json) {
    return partnerPost(path, json, Map.of());
  }

  static Api.Reply partnerPost(String path, String json, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("X-Api-Key", API_KEY);
    return Api.anonymous().send("POST", "/bank/api/v1/partner" + path, json, all);
  }

  static Api.Reply backOfficeGet(String path) {
    return Api.operator().get("/bank/api/v1/backoffice" + path);
  }

  static Api.Reply backOfficePost(String path, String json) {
    return Api.operator().post("/bank/api/v1/backoffice" + path, json);
  }

  static Api.Reply backOfficePut(String path, String json) {
    return Api.operator().put("/bank/api/v1/backoffice" + path, json);
  }

  /** A new customer with a unique e-mail; answers {id, email}. */
  static JsonObject customer(String name) {
    String email = Api.unique("holder") + "@test.example";
    Api.Reply created =
        backOfficePost(
            "/customers",
            "{\"fullName\":\""
                + name
                + "\",\"email\":\""
                + email
                + "\",\"phone\":\"+7 900 123-45-67\"}");
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  /** A new account of a new customer at the bank, with the deposit given ("0" for none). */
  static Holder holder(String name, String bankRequisite, String deposit) {
    JsonObject customer = customer(name);
    Api.Reply opened =
        backOfficePost(
            "/customers/" + customer.getString("id") + "/accounts",
            "{\"bankRequisite\":\"" + bankRequisite + "\"}");
    assertEquals(201, opened.status(), opened.body());
    String number = opened.json().getString("number");
    if (new BigDecimal(deposit).signum() > 0) {
      Api.Reply deposited =
          backOfficePost("/accounts/" + number + "/deposits", "{\"amount\":\"" + deposit + "\"}");
      assertEquals(200, deposited.status(), deposited.body());
    }
    return new Holder(number, customer.getString("email"));
  }

  record Holder(String number, String email) {}

  static JsonObject account(String number) {
    Api.Reply account = backOfficeGet("/accounts/" + number);
    assertEquals(200, account.status(), account.body());
    return account.json();
  }

  static BigDecimal balance(String number) {
    return new BigDecimal(account(number).getString("balance"));
  }

  static BigDecimal held(String number) {
    return new BigDecimal(account(number).getString("held"));
  }

  static void processingDelay(int seconds) {
    Api.Reply changed = backOfficePut("/settings", "{\"processingDelaySeconds\":" + seconds + "}");
    assertEquals(200, changed.status(), changed.body());
  }

  static JsonObject audit() {
    Api.Reply audit = backOfficeGet("/audit");
    assertEquals(200, audit.status(), audit.body());
    return audit.json();
  }

  /**
   * The audit once the bank is quiet (two readings 2 s apart agree): transfers and payouts that
   * earlier tests left in the queues move balances and fees, which a test counting the bank's whole
   * fee income would take for its own.
   */
  static JsonObject quietAudit() {
    return Waiting.quiet(Market.PATIENCE, Duration.ofSeconds(2), () -> figures(audit()));
  }

  /** The audit without its time, which differs at every reading. */
  private static JsonObject figures(JsonObject audit) {
    return jakarta.json.Json.createObjectBuilder(audit).remove("auditedAt").build();
  }

  static Api.Reply requestPayment(Holder payer, Holder payee, String amount, String reference) {
    return partnerPost(
        "/authorizations",
        "{\"accountNumber\":\""
            + payer.number()
            + "\",\"purpose\":\"PAYMENT\",\"amount\":\""
            + amount
            + "\",\"payeeAccount\":\""
            + payee.number()
            + "\",\"reference\":\""
            + reference
            + "\"}");
  }

  static Api.Reply requestBalance(Holder holder, String reference) {
    return partnerPost(
        "/authorizations",
        "{\"accountNumber\":\""
            + holder.number()
            + "\",\"purpose\":\"BALANCE\",\"reference\":\""
            + reference
            + "\"}");
  }

  static Api.Reply verify(String authorizationId, String code) {
    return partnerPost(
        "/authorizations/" + authorizationId + "/verification", "{\"code\":\"" + code + "\"}");
  }

  private static final Map<String, String> CODES = new HashMap<>();
  private static final java.util.Set<String> PARSED = new java.util.HashSet<>();
  private static final Pattern REFERENCE = Pattern.compile("\\(reference ([^)]+)\\)");

  /** The code mailed to the address for the reference (waits up to 2 min for it). */
  static String codeFrom(GreenMailExtension mail, String email, String reference) {
    String code =
        Waiting.lastRead(
            Market.PATIENCE,
            Duration.ofMillis(20),
            () -> indexed(mail, email + " " + reference),
            found -> true);
    return code != null ? code : fail("No code mailed to " + email + " for " + reference);
  }

  /** Parses only the mails not parsed before: the index stays cheap with thousands of mails. */
  private static synchronized String indexed(GreenMailExtension mail, String key) {
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        if (!PARSED.add(message.getMessageID())) {
          continue;
        }
        String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
        String text = message.getContent().toString();
        Matcher reference = REFERENCE.matcher(text);
        Matcher code = CODE.matcher(text);
        if (reference.find() && code.find()) {
          CODES.put(to + " " + reference.group(1), code.group(1));
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return CODES.get(key);
  }

  /** Authorizes and verifies a payment; answers the authorization (with its fee). */
  static JsonObject authorizedPayment(
      GreenMailExtension mail, Holder payer, Holder payee, String amount) {
    String reference = "ref-" + UUID.randomUUID();
    Api.Reply requested = requestPayment(payer, payee, amount, reference);
    assertEquals(201, requested.status(), requested.body());
    JsonObject authorization = requested.json();
    String code = codeFrom(mail, payer.email(), reference);
    Api.Reply verified = verify(authorization.getString("id"), code);
    assertEquals(200, verified.status(), verified.body());
    return authorization;
  }

  static Api.Reply submit(
      JsonObject authorization,
      Holder payer,
      Holder payee,
      String amount,
      String fee,
      String group,
      String idempotencyKey) {
    return submit(authorization, payer, payee, amount, fee, group, idempotencyKey, null);
  }

  /** As above, bringing the payer's code (none: {@code null}) for the bank to check and use. */
  static Api.Reply submit(
      JsonObject authorization,
      Holder payer,
      Holder payee,
      String amount,
      String fee,
      String group,
      String idempotencyKey,
      String code) {
    return partnerPost(
        "/transfers",
        "{\"authorizationId\":\""
            + authorization.getString("id")
            + "\",\"payerAccount\":\""
            + payer.number()
            + "\",\"payeeAccount\":\""
            + payee.number()
            + "\",\"amount\":\""
            + amount
            + "\",\"fee\":\""
            + fee
            + "\",\"groupReference\":\""
            + group
            + (code == null ? "" : "\",\"code\":\"" + code)
            + "\"}",
        Map.of("Idempotency-Key", idempotencyKey));
  }

  /** A confirmed and submitted transfer, waited for until final. */
  static JsonObject pay(
      GreenMailExtension mail, Holder payer, Holder payee, String amount, String group) {
    JsonObject authorization = authorizedPayment(mail, payer, payee, amount);
    Api.Reply accepted =
        submit(
            authorization,
            payer,
            payee,
            amount,
            authorization.getString("fee"),
            group,
            UUID.randomUUID().toString());
    assertEquals(202, accepted.status(), accepted.body());
    assertEquals("ACCEPTED", accepted.json().getString("status"));
    return awaitFinal(accepted.json().getString("id"));
  }

  static JsonObject awaitFinal(String transferId) {
    JsonObject last =
        Waiting.lastRead(
            Market.PATIENCE,
            Duration.ofMillis(20),
            () -> {
              Api.Reply transfer = partnerGet("/transfers/" + transferId);
              assertEquals(200, transfer.status(), transfer.body());
              return transfer.json();
            },
            transfer -> !transfer.getString("status").equals("ACCEPTED"));
    assertNotEquals(
        "ACCEPTED",
        last.getString("status"),
        "Transfer " + transferId + " is still ACCEPTED after " + Market.PATIENCE);
    return last;
  }
}

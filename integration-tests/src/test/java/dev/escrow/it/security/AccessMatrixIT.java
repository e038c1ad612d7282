package dev.escrow.it.security;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankBooks;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 6, "Access": who may call what. Every endpoint against anonymous, the owner of the object,
 * another client and the administrator, each cell with its expected status; the commission never
 * reaches a client; codes, API keys, throttling and stored secrets.
 */
class AccessMatrixIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  private static final String KEY = "test-bank-api-key";

  @ArquillianResource ManagementClient management;

  /** One row: a request and the status each caller gets (anonymous, owner, other, admin). */
  record Row(String method, String path, String body, Person owner, int[] expected) {}

  @Test
  void everyEndpointAnswersEachCallerAsTheContractSays() {
    Market.settlementAccount();
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    Person stranger = Market.client(BANK_A, "1000.00");
    String active = Market.activeOffer(seller, "100.00", "PT1H", "7");
    String pending = pendingOffer(seller, "Pending");
    String shown = Market.activeOffer(seller, "50.00", "PT1H", "7");
    String deal = buy(buyer, active);
    String payment = startPayment(buyer, deal, buyer.accountId(), "10.00");
    String bankId = Market.marketplaceBank(BANK_A);

    List<Row> rows = new ArrayList<>();
    int[] adminOnly = {401, 403, 403, 200};
    for (String path :
        List.of(
            "/admin/clients",
            "/admin/banks",
            "/admin/deal-statuses",
            "/admin/settings",
            "/admin/offers",
            "/admin/offers?status=PENDING_MODERATION",
            "/admin/offers/" + pending,
            "/admin/deals",
            "/admin/payments",
            "/admin/jobs")) {
      rows.add(new Row("GET", path, null, seller, adminOnly));
    }
    rows.add(new Row("POST", "/admin/clients", "{}", seller, new int[] {401, 403, 403, 400}));
    rows.add(new Row("POST", "/admin/banks", "{}", seller, new int[] {401, 403, 403, 400}));
    rows.add(new Row("POST", "/admin/deal-statuses", "{}", seller, new int[] {401, 403, 403, 400}));
    rows.add(
        new Row(
            "PUT",
            "/admin/deal-statuses/0",
            "{\"name\":\"x\"}",
            seller,
            new int[] {401, 403, 403, 404}));
    rows.add(
        new Row("DELETE", "/admin/deal-statuses/0", null, seller, new int[] {401, 403, 403, 404}));
    rows.add(
        new Row(
            "PUT",
            "/admin/deals/" + deal + "/status",
            "{}",
            seller,
            new int[] {401, 403, 403, 400}));
    // no payout of this deal was refused: nothing to retry
    rows.add(
        new Row(
            "POST",
            "/admin/deals/" + deal + "/payout-retry",
            null,
            seller,
            new int[] {401, 403, 403, 409}));
    rows.add(
        new Row("PUT", "/admin/settings/commission", "{}", seller, new int[] {401, 403, 403, 400}));
    rows.add(
        new Row(
            "PUT",
            "/admin/settings/settlement-account",
            "{}",
            seller,
            new int[] {401, 403, 403, 400}));
    rows.add(
        new Row(
            "POST",
            "/admin/offers/" + active + "/approve",
            "{}",
            seller,
            new int[] {401, 403, 403, 409}));
    rows.add(
        new Row(
            "POST",
            "/admin/offers/" + active + "/reject",
            "{\"reason\":\"r\"}",
            seller,
            new int[] {401, 403, 403, 409}));
    rows.add(new Row("POST", "/admin/jobs/nope", null, seller, new int[] {401, 403, 403, 404}));
    rows.add(new Row("GET", "/admin/jobs/0", null, seller, new int[] {401, 403, 403, 404}));
    // any signed-in user, own data
    for (String path :
        List.of("/banks", "/me", "/me/accounts", "/me/offers", "/me/deals", "/me/sales")) {
      rows.add(new Row("GET", path, null, seller, new int[] {401, 200, 200, 200}));
    }
    rows.add(new Row("GET", "/offers", null, seller, new int[] {401, 200, 200, 200}));
    // The bank's callbacks: nobody's sign-in counts there, only the bank's signature (none here).
    rows.add(
        new Row(
            "POST",
            "/bank-callbacks",
            "{\"eventId\":\"e\",\"status\":\"COMPLETED\"}",
            seller,
            new int[] {401, 401, 401, 401}));
    rows.add(
        new Row(
            "POST",
            "/bank-callbacks",
            "{\"events\":[{\"eventId\":\"e\",\"status\":\"COMPLETED\"}]}",
            seller,
            new int[] {401, 401, 401, 401}));
    // objects with an owner: the owner sees them, another client gets 404
    rows.add(
        new Row(
            "GET",
            "/me/accounts/" + buyer.accountId(),
            null,
            buyer,
            new int[] {401, 200, 404, 404}));
    rows.add(new Row("GET", "/me/offers/" + pending, null, seller, new int[] {401, 200, 404, 404}));
    rows.add(
        new Row(
            "PUT",
            "/me/offers/" + pending,
            "{\"title\":\"Pending\",\"description\":\"d\",\"price\":\"5\",\"paymentWindow\":\"PT1H\"}",
            seller,
            new int[] {401, 200, 404, 404}));
    rows.add(
        new Row(
            "PUT",
            "/me/offers/" + active + "/visibility",
            "{\"published\":true}",
            seller,
            new int[] {401, 200, 404, 404}));
    rows.add(new Row("GET", "/offers/" + pending, null, seller, new int[] {401, 200, 404, 404}));
    rows.add(new Row("GET", "/offers/" + shown, null, seller, new int[] {401, 200, 200, 200}));
    rows.add(new Row("GET", "/deals/" + deal, null, buyer, new int[] {401, 200, 404, 200}));
    rows.add(new Row("GET", "/deals/" + deal, null, seller, new int[] {401, 200, 404, 200}));
    rows.add(
        new Row(
            "GET",
            "/deals/" + deal + "/quote?accountId=" + buyer.accountId() + "&amount=10",
            null,
            buyer,
            new int[] {401, 200, 404, 404}));
    rows.add(new Row("GET", "/payments/" + payment, null, buyer, new int[] {401, 200, 404, 200}));
    rows.add(new Row("GET", "/payments/" + payment, null, seller, new int[] {401, 200, 404, 200}));
    rows.add(
        new Row(
            "POST",
            "/payments/" + payment + "/confirmation",
            "{\"code\":\"12345\"}",
            buyer,
            new int[] {401, 400, 404, 404}));
    rows.add(
        new Row(
            "POST",
            "/deals/" + deal + "/payments",
            "{\"accountId\":\"" + buyer.accountId() + "\",\"amount\":\"100.01\"}",
            buyer,
            new int[] {401, 400, 404, 404}));
    rows.add(
        new Row(
            "POST", "/offers/" + pending + "/buy", null, seller, new int[] {401, 409, 404, 404}));

    List<String> wrong = new ArrayList<>();
    List<String> clientBodies = new ArrayList<>();
    StringBuilder matrix = new StringBuilder("ACCESS matrix (anonymous, owner, other, admin):\n");
    int cells = 0;
    for (Row row : rows) {
      Person other = row.owner() == stranger ? buyer : stranger;
      Api[] callers = {Api.anonymous(), row.owner().api(), other.api(), Api.admin()};
      matrix.append(String.format("  %-6s %-70s", row.method(), shorten(row.path())));
      for (int i = 0; i < 4; i++) {
        Api.Reply reply =
            callers[i].send(row.method(), "/api/v1" + row.path(), row.body(), Map.of());
        cells++;
        matrix.append(' ').append(reply.status());
        if (reply.status() != row.expected()[i]) {
          wrong.add(
              row.method()
                  + " "
                  + row.path()
                  + " as "
                  + List.of("anonymous", "owner", "other", "admin").get(i)
                  + ": expected "
                  + row.expected()[i]
                  + ", got "
                  + reply);
        }
        if (i == 1 || i == 2) {
          clientBodies.add(reply.body());
        }
        if (reply.status() >= 400) {
          assertTrue(
              String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json"),
              row.path() + ": " + reply);
        }
      }
      matrix.append('\n');
    }
    System.out.print(matrix);
    System.out.println("ACCESS cells=" + cells + " rows=" + rows.size());
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));

    // The commission never reaches a client: whatever a client could read above, plus lists.
    for (Person client : List.of(seller, buyer, stranger)) {
      for (String path :
          List.of(
              "/offers",
              "/offers/" + active,
              "/me/offers",
              "/me/deals",
              "/me/sales",
              "/deals/" + deal)) {
        clientBodies.add(client.api().get("/api/v1" + path).body());
      }
    }
    for (String body : clientBodies) {
      assertFalse(mentionsCommission(body), body);
    }
    System.out.println("ACCESS client bodies scanned for 'commission': " + clientBodies.size());
  }

  @Test
  void aClientCannotPayFromSomeoneElsesAccount() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, null);
    Person victim = Market.client(BANK_A, "1000.00");
    String deal = buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    Api.Reply reply =
        buyer
            .api()
            .post(
                "/api/v1/deals/" + deal + "/payments",
                "{\"accountId\":\"" + victim.accountId() + "\",\"amount\":\"100.00\"}");
    assertEquals(404, reply.status(), reply.body());
    Api.Reply quote =
        buyer
            .api()
            .get("/api/v1/deals/" + deal + "/quote?accountId=" + victim.accountId() + "&amount=1");
    assertEquals(404, quote.status(), quote.body());
    assertEquals(
        0, buyer.api().get("/api/v1/deals/" + deal).json().getJsonArray("payments").size());
  }

  @Test
  void fiveWrongCodesLockThePaymentAndACodeConfirmsOnlyItsOwnPayment() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    String first = buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    String second = buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    String p1 = startPayment(buyer, first, buyer.accountId(), "10.00");
    String p2 = startPayment(buyer, second, buyer.accountId(), "20.00");
    String code1 = Market.codeFor(mail, buyer.email(), "payment-" + p1);
    String code2 = Market.codeFor(mail, buyer.email(), "payment-" + p2);
    assertNotEquals(code1, code2);

    // The code of payment 1 does not confirm payment 2.
    Api.Reply crossed = confirm(buyer, p2, code1);
    assertEquals(400, crossed.status(), crossed.body());
    assertEquals("AWAITING_CONFIRMATION", status(buyer, p2));

    // Five wrong codes lock payment 1: after that even its right code is refused.
    String wrongCode = code1.equals("000000") ? "111111" : "000000";
    for (int attempt = 1; attempt <= 5; attempt++) {
      Api.Reply wrong = confirm(buyer, p1, wrongCode);
      assertTrue(
          wrong.status() == 400 || (attempt == 5 && wrong.status() == 409),
          "attempt " + attempt + ": " + wrong);
    }
    Api.Reply locked = confirm(buyer, p1, code1);
    assertEquals(409, locked.status(), locked.body());
    assertNotEquals("PROCESSING", status(buyer, p1));

    // Payment 2 still takes its own code.
    Api.Reply own = confirm(buyer, p2, code2);
    assertEquals(202, own.status(), own.body());
  }

  @Test
  void theBankRefusesAWrongOrMissingApiKey() {
    for (Map<String, String> headers :
        List.of(
            Map.<String, String>of(),
            Map.of("X-Api-Key", "wrong-key"),
            Map.of("X-Api-Key", KEY + "x"),
            Map.of("X-Api-Key", ""))) {
      for (String path :
          List.of("/partner/fees", "/partner/transfers/0", "/partner/operations/x")) {
        Api.Reply reply = Api.anonymous().send("GET", "/bank/api/v1" + path, null, headers);
        assertEquals(401, reply.status(), path + " " + headers + ": " + reply);
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
      }
      for (String path :
          List.of(
              "/partner/transfers/batch",
              "/partner/operations/settlements",
              "/partner/operations/reversals")) {
        Api.Reply reply = Api.anonymous().send("POST", "/bank/api/v1" + path, "{}", headers);
        assertEquals(401, reply.status(), path + " " + headers + ": " + reply);
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
      }
    }
    assertEquals(
        200,
        Api.anonymous()
            .send("GET", "/bank/api/v1/partner/fees", null, Map.of("X-Api-Key", KEY))
            .status());
    // The back office takes its operator only: neither anonymous nor a marketplace login.
    assertEquals(401, Api.anonymous().get("/bank/api/v1/backoffice/audit").status());
    assertEquals(401, Api.admin().get("/bank/api/v1/backoffice/audit").status());
  }

  @Test
  void tenFailedSignInsAreThrottledWithRetryAfter() {
    Person client = Market.client(BANK_A, null);
    for (int i = 1; i <= 10; i++) {
      Api.Reply failed = Api.as(client.login(), "wrong-" + i).get("/api/v1/me");
      assertEquals(401, failed.status(), "failure " + i + ": " + failed);
    }
    Api.Reply throttled = Api.as(client.login(), "wrong-11").get("/api/v1/me");
    assertEquals(429, throttled.status(), throttled.body());
    assertNotNull(throttled.header("Retry-After"));
    assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
    assertTrue(throttled.header("Content-Type").startsWith("application/problem+json"));
    Api.Reply evenRight = client.api().get("/api/v1/me");
    assertEquals(429, evenRight.status(), "the right password waits too: " + evenRight);
    System.out.println(
        "THROTTLE after 10 failures: "
            + throttled.status()
            + " Retry-After="
            + throttled.header("Retry-After"));
    // Another login is not affected.
    Person other = Market.client(BANK_A, null);
    assertEquals(200, other.api().get("/api/v1/me").status());
  }

  @Test
  void passwordsAndKeysAreStoredHashed() throws Exception {
    Person client = Market.client(BANK_A, null);
    // Through the server (any database): no answer ever carries a password or its hash.
    for (String path : List.of("/api/v1/admin/clients", "/api/v1/me")) {
      String body = Api.admin().get(path).body();
      assertFalse(body.contains("$2a$") || body.contains("$2b$") || body.contains("$2y$"), body);
      assertFalse(body.toLowerCase(Locale.ROOT).contains("password"), body);
    }
    assertFalse(client.api().get("/api/v1/me").body().contains(client.password()));
    // In the databases (either kind: a test-only WAR reads them inside the server).
    List<String[]> stored;
    try (BankBooks books = BankBooks.deploy(management)) {
      stored = books.storedSecrets();
    }
    String bcrypt = "\\$2[aby]\\$\\d\\d\\$.{53}";
    String keyHash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)));
    Map<String, Long> kinds = new TreeMap<>();
    boolean clientSeen = false;
    for (String[] row : stored) {
      kinds.merge(row[0], 1L, Long::sum);
      String value = row[2];
      switch (row[0]) {
        case "user", "operator" -> {
          assertTrue(value.matches(bcrypt), row[0] + " " + row[1] + ": " + value);
          assertFalse(value.contains(client.password()) || value.contains(Api.ADMIN_PASSWORD));
          clientSeen |= row[1].equals(client.login());
        }
        case "key" -> {
          assertNotEquals(KEY, value);
          assertTrue(value.matches("[0-9a-f]{64}"), row[1] + ": " + value);
        }
        default -> throw new AssertionError("unexpected row " + String.join(" ", row));
      }
    }
    assertTrue(clientSeen, "the new client's row is among the users: " + kinds);
    assertTrue(kinds.getOrDefault("user", 0L) >= 2, "admin and the client at least: " + kinds);
    assertEquals(1L, kinds.getOrDefault("operator", 0L), kinds.toString());
    long matching = stored.stream().filter(r -> r[0].equals("key") && r[2].equals(keyHash)).count();
    assertEquals(1, matching, "the marketplace's key is stored as its SHA-256, once");
    System.out.println(
        "HASHES: " + kinds + " all bcrypt or SHA-256; key sha-256 match: " + matching);
  }

  // ---------------------------------------------------------------- helpers

  static String pendingOffer(Person seller, String title) {
    Api.Reply offer =
        seller
            .api()
            .post(
                "/api/v1/me/offers",
                "{\"title\":\""
                    + title
                    + "\",\"description\":\"d\",\"price\":\"5\",\"paymentWindow\":\"PT1H\"}");
    assertEquals(201, offer.status(), offer.body());
    return offer.json().getString("id");
  }

  static String buy(Person buyer, String offer) {
    Api.Reply deal = buyer.api().post("/api/v1/offers/" + offer + "/buy", "");
    assertEquals(201, deal.status(), deal.body());
    return deal.json().getString("id");
  }

  static String startPayment(Person buyer, String deal, String account, String amount) {
    Api.Reply started =
        buyer
            .api()
            .post(
                "/api/v1/deals/" + deal + "/payments",
                "{\"accountId\":\"" + account + "\",\"amount\":\"" + amount + "\"}");
    assertEquals(201, started.status(), started.body());
    return started.json().getString("id");
  }

  private static Api.Reply confirm(Person buyer, String payment, String code) {
    return buyer
        .api()
        .post("/api/v1/payments/" + payment + "/confirmation", "{\"code\":\"" + code + "\"}");
  }

  private static String status(Person buyer, String payment) {
    return buyer.api().get("/api/v1/payments/" + payment).json().getString("status");
  }

  /**
   * Whether a body gives the commission away: a member named like it anywhere in the JSON, or the
   * word in an error's text. (Offer titles written by other tests' sellers may contain the word.)
   */
  static boolean mentionsCommission(String body) {
    jakarta.json.JsonValue json;
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
      json = reader.readValue();
    } catch (RuntimeException notJson) {
      // Not JSON we can read (another test's offer may carry hostile text): look for a member
      // name, not for free text that sellers may write in their titles.
      return java.util.regex.Pattern.compile(
              "\"[^\"]*commission[^\"]*\"\\s*:", java.util.regex.Pattern.CASE_INSENSITIVE)
          .matcher(body)
          .find();
    }
    return mentionsCommission(json);
  }

  private static boolean mentionsCommission(jakarta.json.JsonValue json) {
    if (json instanceof jakarta.json.JsonObject object) {
      // A problem's members (an offer has "title" and "status" too, but its status is text).
      boolean problem =
          object.get("status") instanceof jakarta.json.JsonNumber && object.containsKey("title");
      for (var member : object.entrySet()) {
        if (member.getKey().toLowerCase(Locale.ROOT).contains("commission")
            || mentionsCommission(member.getValue())
            || (problem
                && member.getValue().toString().toLowerCase(Locale.ROOT).contains("commission"))) {
          return true;
        }
      }
    } else if (json instanceof jakarta.json.JsonArray array) {
      for (var item : array) {
        if (mentionsCommission(item)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String shorten(String path) {
    return path.length() <= 70 ? path : path.substring(0, 67) + "...";
  }
}

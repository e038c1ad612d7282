package dev.escrow.it.security;

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
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 6, "Bad input": every public endpoint of both APIs receives thousands of malformed and
 * hostile requests (broken JSON, wrong types, huge, empty and control-character strings, bad
 * amounts, SQL and HTML, oversized bodies, wrong content types and accept headers, wrong ids, wrong
 * methods). No answer may be a 500; every refusal is problem+json with a 4xx status from the
 * contract's list; 2xx only where the endpoint may accept such input; and nothing changes in the
 * data (counted through the public admin/back-office APIs, the bank's audit stays consistent).
 *
 * <p>Cases are generated with jqwik's {@code Arbitraries} from a fixed seed ({@code -Dfuzz.seed}),
 * so a failing run can be repeated exactly.
 */
class BadInputFuzzIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  private static final String KEY = "test-bank-api-key";
  private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
  private static final int RANDOM_PER_FIELD = Integer.getInteger("fuzz.random", 6);
  private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  enum Who {
    ANONYMOUS,
    ADMIN,
    CLIENT,
    OPERATOR,
    PARTNER,
    /** The bank calling back: each body is signed with the suite's callback secret. */
    BANK
  }

  enum Field {
    TEXT,
    AMOUNT,
    ID,
    DURATION,
    BOOL,
    INT,
    CODE
  }

  /**
   * One endpoint: who calls it, its body's fields (none: no body), the path ids that are real (used
   * only with bodies that must be refused), and whether a 2xx can be a right answer to hostile
   * input (GETs that ignore the body, creations that take free text).
   */
  record Endpoint(
      String method,
      String template,
      Who who,
      Map<String, Field> fields,
      Map<String, String> realIds,
      boolean mayAccept,
      boolean arrayBody) {

    String key() {
      return method + " " + template;
    }
  }

  /** One request; {@code chunked}: the body is sent without a Content-Length. */
  record Case(
      Endpoint endpoint, String path, String body, Map<String, String> headers, boolean chunked) {

    Case(Endpoint endpoint, String path, String body, Map<String, String> headers) {
      this(endpoint, path, body, headers, false);
    }

    /** A body over the 1 MiB every endpoint refuses, whatever the endpoint expects. */
    boolean oversized() {
      return body != null && body.length() > 1024 * 1024;
    }
  }

  record Outcome(Case sent, int status, String contentType, String body) {}

  private final Map<String, Integer> created = new ConcurrentHashMap<>();

  @Test
  void noHostileRequestAnswers500OrChangesData() throws Exception {
    Market.settlementAccount();
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_B, "500.00");
    String activeOffer = Market.activeOffer(seller, "100.00", "PT1H", "5");
    String pendingOffer = pendingOffer(seller);
    Api.Reply bought = buyer.api().post("/api/v1/offers/" + activeOffer + "/buy", "");
    assertEquals(201, bought.status(), bought.body());
    String deal = bought.json().getString("id");
    Api.Reply started =
        buyer
            .api()
            .post(
                "/api/v1/deals/" + deal + "/payments",
                "{\"accountId\":\"" + buyer.accountId() + "\",\"amount\":\"10.00\"}");
    assertEquals(201, started.status(), started.body());
    String payment = started.json().getString("id");
    String dealStatus =
        Api.admin()
            .post("/api/v1/admin/deal-statuses", "{\"name\":\"" + Api.unique("fuzz") + "\"}")
            .json()
            .getString("id");
    String customer = bankCustomerOf(buyer);

    List<Endpoint> endpoints =
        endpoints(
            seller,
            buyer,
            Map.of(
                "activeOffer", activeOffer,
                "pendingOffer", pendingOffer,
                "deal", deal,
                "payment", payment,
                "dealStatus", dealStatus,
                "customer", customer));
    Set<String> documented = openApiOperations();
    Set<String> covered =
        endpoints.stream()
            .map(e -> normalize(e.key()))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(covered);
    assertTrue(missing.isEmpty(), "OpenAPI operations the fuzz does not cover: " + missing);

    Snapshot before = quietSnapshot(seller, buyer, customer);
    List<Case> cases = new ArrayList<>();
    Random random = new Random(SEED);
    // jqwik's samples outside a property draw from this thread's source of randomness: seed it.
    SourceOfRandomness.create(String.valueOf(SEED));
    for (Endpoint endpoint : endpoints) {
      cases.addAll(casesFor(endpoint, random, seller, buyer));
    }
    List<Outcome> outcomes = sendAll(cases);
    Snapshot after = quietSnapshot(seller, buyer, customer);

    Map<Integer, Integer> histogram = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> kinds = new TreeMap<>();
    Set<String> endpointsHit = new TreeSet<>();
    for (Outcome outcome : outcomes) {
      histogram.merge(outcome.status(), 1, Integer::sum);
      endpointsHit.add(outcome.sent().endpoint().key());
      String problem = check(outcome);
      if (problem != null) {
        failures.add(problem);
        kinds.merge(
            problem.substring(0, problem.indexOf(':'))
                + " "
                + outcome.status()
                + " "
                + outcome.sent().endpoint().key(),
            1,
            Integer::sum);
      }
    }
    long fiveHundreds = outcomes.stream().filter(o -> o.status() >= 500).count();
    System.out.printf(
        "FUZZ seed=%d requests=%d distinct-endpoints=%d (openapi operations %d) statuses=%s"
            + " 500s=%d created=%s%n",
        SEED,
        outcomes.size(),
        endpointsHit.size(),
        documented.size(),
        histogram,
        fiveHundreds,
        created);
    for (boolean chunked : List.of(false, true)) {
      Map<Integer, Long> oversized =
          outcomes.stream()
              .filter(o -> o.sent().oversized() && o.sent().chunked() == chunked)
              .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
      System.out.println(
          "FUZZ oversized bodies " + (chunked ? "chunked" : "with a length") + ": " + oversized);
    }
    kinds.forEach((kind, n) -> System.out.println("FUZZ bad: " + n + " x " + kind));
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " bad answers:\n"
            + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    before.assertUnchangedBut(after, created);
  }

  // ---------------------------------------------------------------- the endpoints

  private static List<Endpoint> endpoints(Person seller, Person buyer, Map<String, String> ids) {
    List<Endpoint> all = new ArrayList<>();
    String m = "/api/v1";
    String b = "/bank/api/v1";
    Map<String, Field> none = Map.of();
    // marketplace, administrator
    all.add(
        e(
            "POST",
            m + "/admin/clients",
            Who.ADMIN,
            fields("fullName", Field.TEXT, "login", Field.TEXT, "password", Field.TEXT),
            Map.of(),
            true));
    all.add(e("GET", m + "/admin/clients", Who.ADMIN, none, Map.of(), true));
    all.add(
        e(
            "POST",
            m + "/admin/banks",
            Who.ADMIN,
            fields("name", Field.TEXT, "requisite", Field.TEXT),
            Map.of(),
            true));
    all.add(e("GET", m + "/admin/banks", Who.ADMIN, none, Map.of(), true));
    all.add(e("GET", m + "/admin/deal-statuses", Who.ADMIN, none, Map.of(), true));
    all.add(
        e(
            "POST",
            m + "/admin/deal-statuses",
            Who.ADMIN,
            fields("name", Field.TEXT),
            Map.of(),
            true));
    all.add(
        e(
            "PUT",
            m + "/admin/deal-statuses/{id}",
            Who.ADMIN,
            fields("name", Field.TEXT),
            Map.of("id", ids.get("dealStatus")),
            true));
    all.add(e("DELETE", m + "/admin/deal-statuses/{id}", Who.ADMIN, none, Map.of(), false));
    all.add(e("GET", m + "/admin/settings", Who.ADMIN, none, Map.of(), true));
    all.add(
        e(
            "PUT",
            m + "/admin/settings/commission",
            Who.ADMIN,
            fields("defaultCommissionPercent", Field.AMOUNT, "applyToAllOffers", Field.BOOL),
            Map.of(),
            false));
    all.add(
        e(
            "PUT",
            m + "/admin/settings/settlement-account",
            Who.ADMIN,
            fields("number", Field.ID, "bankId", Field.ID),
            Map.of(),
            false));
    all.add(e("GET", m + "/admin/offers", Who.ADMIN, none, Map.of(), true));
    all.add(e("GET", m + "/admin/offers/{id}", Who.ADMIN, none, Map.of(), false));
    all.add(
        e(
            "POST",
            m + "/admin/offers/{id}/approve",
            Who.ADMIN,
            fields("commissionPercent", Field.AMOUNT),
            Map.of("id", ids.get("activeOffer")),
            false));
    all.add(
        e(
            "POST",
            m + "/admin/offers/{id}/reject",
            Who.ADMIN,
            fields("reason", Field.TEXT),
            Map.of("id", ids.get("activeOffer")),
            false));
    all.add(e("GET", m + "/admin/deals", Who.ADMIN, none, Map.of(), true));
    // a fuzzed code may name a status the fuzz itself added ("123"): a real move, counts unchanged
    all.add(
        e(
            "PUT",
            m + "/admin/deals/{id}/status",
            Who.ADMIN,
            fields("code", Field.TEXT),
            Map.of("id", ids.get("deal")),
            true));
    // the fuzz's deal has no refused payout: 409 with its id, 404 or 400 with any other
    all.add(
        e(
            "POST",
            m + "/admin/deals/{id}/payout-retry",
            Who.ADMIN,
            none,
            Map.of("id", ids.get("deal")),
            false));
    all.add(e("GET", m + "/admin/payments", Who.ADMIN, none, Map.of(), true));
    all.add(e("GET", m + "/admin/jobs", Who.ADMIN, none, Map.of(), true));
    all.add(e("POST", m + "/admin/jobs/{name}", Who.ADMIN, none, Map.of(), false));
    all.add(e("GET", m + "/admin/jobs/{executionId}", Who.ADMIN, none, Map.of(), false));
    all.add(e("GET", m + "/admin/dead-letters", Who.ADMIN, none, Map.of(), true));
    // marketplace, any signed-in user
    all.add(e("GET", m + "/banks", Who.CLIENT, none, Map.of(), true));
    all.add(e("GET", m + "/me", Who.CLIENT, none, Map.of(), true));
    all.add(
        e(
            "POST",
            m + "/me/accounts",
            Who.CLIENT,
            fields("number", Field.ID, "bankId", Field.ID),
            Map.of(),
            false));
    all.add(e("GET", m + "/me/accounts", Who.CLIENT, none, Map.of(), true));
    all.add(e("GET", m + "/me/accounts/{id}", Who.CLIENT, none, Map.of(), false));
    // No real account id here: a real one would have the bank mail a code for every try.
    all.add(e("POST", m + "/me/accounts/{id}/balance-code", Who.CLIENT, none, Map.of(), false));
    all.add(
        e(
            "POST",
            m + "/me/accounts/{id}/balance",
            Who.CLIENT,
            fields("authorizationId", Field.TEXT, "code", Field.TEXT),
            Map.of(),
            false));
    all.add(
        e(
            "POST",
            m + "/me/offers",
            Who.CLIENT,
            fields(
                "title",
                Field.TEXT,
                "description",
                Field.TEXT,
                "price",
                Field.AMOUNT,
                "paymentWindow",
                Field.DURATION),
            Map.of(),
            false));
    all.add(e("GET", m + "/me/offers", Who.CLIENT, none, Map.of(), true));
    all.add(e("GET", m + "/me/offers/{id}", Who.CLIENT, none, Map.of(), false));
    all.add(
        e(
            "PUT",
            m + "/me/offers/{id}",
            Who.CLIENT,
            fields(
                "title",
                Field.TEXT,
                "description",
                Field.TEXT,
                "price",
                Field.AMOUNT,
                "paymentWindow",
                Field.DURATION),
            Map.of(),
            false));
    all.add(
        e(
            "PUT",
            m + "/me/offers/{id}/visibility",
            Who.CLIENT,
            fields("published", Field.BOOL),
            Map.of(),
            false));
    all.add(e("GET", m + "/offers", Who.ANONYMOUS, none, Map.of(), true));
    all.add(e("GET", m + "/offers/{id}", Who.CLIENT, none, Map.of(), false));
    all.add(e("POST", m + "/offers/{id}/buy", Who.CLIENT, none, Map.of(), false));
    all.add(e("GET", m + "/deals/{id}", Who.CLIENT, none, Map.of(), false));
    all.add(e("GET", m + "/deals/{id}/quote", Who.CLIENT, none, Map.of(), false));
    all.add(
        e(
            "POST",
            m + "/deals/{id}/payments",
            Who.CLIENT,
            fields("accountId", Field.ID, "amount", Field.AMOUNT),
            Map.of("id", ids.get("deal")),
            false));
    all.add(e("GET", m + "/me/deals", Who.CLIENT, none, Map.of(), true));
    all.add(e("GET", m + "/me/sales", Who.CLIENT, none, Map.of(), true));
    all.add(e("GET", m + "/payments/{id}", Who.CLIENT, none, Map.of(), false));
    all.add(
        e(
            "POST",
            m + "/payments/{id}/confirmation",
            Who.CLIENT,
            fields("code", Field.CODE),
            Map.of("id", ids.get("payment")),
            false));
    // marketplace, the bank's callbacks: signed hostile bodies (the parse path) and unsigned ones
    Map<String, Field> callback =
        fields(
            "eventId",
            Field.ID,
            "transferId",
            Field.ID,
            "idempotencyKey",
            Field.TEXT,
            "operationKey",
            Field.TEXT,
            "status",
            Field.TEXT,
            "failureReason",
            Field.TEXT);
    all.add(e("POST", m + "/bank-callbacks", Who.BANK, callback, Map.of(), false));
    all.add(e("POST", m + "/bank-callbacks", Who.ANONYMOUS, callback, Map.of(), false));
    // a batch of them: a list whose hostile events are each answered 400 is a right 200
    Map<String, Field> batch = fields("events", Field.TEXT);
    all.add(e("POST", m + "/bank-callbacks", Who.BANK, batch, Map.of(), true));
    all.add(e("POST", m + "/bank-callbacks", Who.ANONYMOUS, batch, Map.of(), false));
    // bank, public and back office
    all.add(e("GET", b + "/banks", Who.ANONYMOUS, none, Map.of(), true));
    all.add(
        e(
            "POST",
            b + "/backoffice/customers",
            Who.OPERATOR,
            fields("fullName", Field.TEXT, "email", Field.TEXT, "phone", Field.TEXT),
            Map.of(),
            true));
    all.add(e("GET", b + "/backoffice/customers", Who.OPERATOR, none, Map.of(), true));
    all.add(
        e("GET", b + "/backoffice/customers/{id}/accounts", Who.OPERATOR, none, Map.of(), false));
    all.add(
        e(
            "POST",
            b + "/backoffice/customers/{id}/accounts",
            Who.OPERATOR,
            fields("bankRequisite", Field.ID),
            Map.of("id", ids.get("customer")),
            false));
    all.add(e("GET", b + "/backoffice/accounts", Who.OPERATOR, none, Map.of(), true));
    all.add(e("GET", b + "/backoffice/accounts/{number}", Who.OPERATOR, none, Map.of(), false));
    all.add(
        e(
            "POST",
            b + "/backoffice/accounts/{number}/deposits",
            Who.OPERATOR,
            fields("amount", Field.AMOUNT),
            Map.of("number", buyer.accountNumber()),
            false));
    all.add(e("GET", b + "/backoffice/fees", Who.OPERATOR, none, Map.of(), true));
    all.add(
        new Endpoint(
            "PUT",
            b + "/backoffice/fees",
            Who.OPERATOR,
            fields("fromBank", Field.ID, "toBank", Field.ID, "percent", Field.AMOUNT),
            Map.of(),
            false,
            true));
    all.add(e("GET", b + "/backoffice/fee-income", Who.OPERATOR, none, Map.of(), true));
    all.add(e("GET", b + "/backoffice/settings", Who.OPERATOR, none, Map.of(), true));
    all.add(
        e(
            "PUT",
            b + "/backoffice/settings",
            Who.OPERATOR,
            fields("processingDelaySeconds", Field.INT),
            Map.of(),
            false));
    all.add(e("GET", b + "/backoffice/audit", Who.OPERATOR, none, Map.of(), true));
    all.add(e("GET", b + "/demo/outbox", Who.ANONYMOUS, none, Map.of(), false));
    // bank, partner (API key)
    all.add(e("GET", b + "/partner/accounts/{number}", Who.PARTNER, none, Map.of(), false));
    all.add(
        e(
            "POST",
            b + "/partner/authorizations",
            Who.PARTNER,
            fields(
                "accountNumber",
                Field.ID,
                "purpose",
                Field.TEXT,
                "amount",
                Field.AMOUNT,
                "payeeAccount",
                Field.ID,
                "reference",
                Field.TEXT),
            Map.of(),
            false));
    all.add(
        e(
            "POST",
            b + "/partner/authorizations/{id}/verification",
            Who.PARTNER,
            fields("code", Field.CODE),
            Map.of(),
            false));
    all.add(e("GET", b + "/partner/accounts/{number}/balance", Who.PARTNER, none, Map.of(), false));
    all.add(
        e(
            "POST",
            b + "/partner/transfers",
            Who.PARTNER,
            fields(
                "authorizationId",
                Field.ID,
                "payerAccount",
                Field.ID,
                "payeeAccount",
                Field.ID,
                "amount",
                Field.AMOUNT,
                "fee",
                Field.AMOUNT,
                "groupReference",
                Field.TEXT),
            Map.of(),
            false));
    all.add(e("GET", b + "/partner/transfers/{id}", Who.PARTNER, none, Map.of(), false));
    all.add(e("GET", b + "/partner/operations/{key}", Who.PARTNER, none, Map.of(), false));
    all.add(
        e(
            "POST",
            b + "/partner/operations/{key}/settlement",
            Who.PARTNER,
            fields("commissionAmount", Field.AMOUNT, "commissionAccount", Field.ID),
            Map.of(),
            false));
    all.add(
        e("POST", b + "/partner/operations/{key}/reversal", Who.PARTNER, none, Map.of(), false));
    all.add(e("GET", b + "/partner/fees", Who.PARTNER, none, Map.of(), true));
    // The batches: a hostile envelope is refused whole (400); items are fuzzed in BankBatchIT.
    all.add(
        e(
            "POST",
            b + "/partner/transfers/batch",
            Who.PARTNER,
            fields("transfers", Field.TEXT),
            Map.of(),
            false));
    all.add(
        e(
            "POST",
            b + "/partner/operations/settlements",
            Who.PARTNER,
            fields("settlements", Field.TEXT),
            Map.of(),
            false));
    all.add(
        e(
            "POST",
            b + "/partner/operations/reversals",
            Who.PARTNER,
            fields("reversals", Field.TEXT),
            Map.of(),
            false));
    return all;
  }

  private static Endpoint e(
      String method,
      String template,
      Who who,
      Map<String, Field> fields,
      Map<String, String> realIds,
      boolean mayAccept) {
    return new Endpoint(method, template, who, fields, realIds, mayAccept, false);
  }

  private static Map<String, Field> fields(Object... pairs) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], (Field) pairs[i + 1]);
    }
    return fields;
  }

  // ---------------------------------------------------------------- the cases

  private static final String HUGE = "x".repeat(2 * 1024 * 1024);
  private static final String BIG = "y".repeat(100_000);

  /** JSON values (as JSON text) that no field of any kind may accept. */
  private static final List<String> HOSTILE_TEXT =
      List.of(
          json(""),
          json(" "),
          json("\u0000"),
          json("\u0001\u0002\u001f\u007f"),
          json("line\nbreak\r\ttab"),
          json(BIG),
          json("' OR '1'='1"),
          json("'; DROP TABLE users; --"),
          json("\" OR \"\"=\""),
          json("<script>alert(1)</script>"),
          json("\"><img src=x onerror=alert(1)>"),
          json("../../../../etc/passwd"),
          json("%00%0d%0a"),
          json("${jndi:ldap://127.0.0.1/x}"),
          json("#{7*7}"),
          json("\u202e\ufeff\ud83d\ude00"),
          json("\ud800"),
          "null",
          "123",
          "-1",
          "1e400",
          "true",
          "[]",
          "{}",
          "[\"a\"]",
          "{\"$gt\":\"\"}");

  private static final List<String> BAD_AMOUNTS =
      List.of(
          json("1.005"),
          "1.005",
          json("-1"),
          "-1",
          json("0"),
          "0",
          json("0.00"),
          "1e20",
          json("1e20"),
          json("NaN"),
          json("Infinity"),
          json("-Infinity"),
          json("12345678901234.00"),
          "12345678901234",
          json("1,50"),
          json("0x10"),
          json(" "),
          json("ten"),
          json("1 000"),
          "1e-400",
          "99999999999999999999999999999999999999",
          "true",
          "{}",
          "[1]",
          "null");

  private static final List<String> BAD_DURATIONS =
      List.of(
          json("PT0S"),
          json("PT59S"),
          json("P31D"),
          json("P100000000D"),
          json("-PT1H"),
          json("PT"),
          json("48h"),
          json("PT1H'--"),
          "3600",
          "true",
          "null");

  private static final List<String> BAD_BOOLS =
      List.of(json("yes"), json("true'"), "1", "0", "[]", "{}", json(""), "null");

  private static final List<String> BAD_INTS =
      List.of(
          "-1",
          "1e20",
          "99999999999999999999",
          "1.5",
          json("NaN"),
          json("ten"),
          "true",
          "[]",
          "{}",
          "null",
          json(""));

  private static final List<String> BAD_CODES =
      List.of(
          json("12345"),
          json("1234567"),
          json("abcdef"),
          json("12 456"),
          json("١٢٣٤٥٦"),
          json("' OR 1=1"),
          "123456",
          "null",
          "[]",
          json(""));

  /** Whole bodies that are not JSON of any expected shape. */
  private static final List<String> BROKEN_BODIES =
      List.of(
          "",
          " ",
          "{",
          "}",
          "[",
          "{\"a\":",
          "{\"a\" 1}",
          "{'a':1}",
          "{,}",
          "nul",
          "null",
          "true",
          "1",
          "\"text\"",
          "{}xyz",
          "\ufeff{}",
          "\u0000",
          "{\"a\":\"\\uZZZZ\"}",
          "{\"a\":\"\ud800\"}",
          "[".repeat(20_000) + "]".repeat(20_000),
          "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
          "<?xml version=\"1.0\"?><a/>",
          "a=1&b=2",
          "--boundary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--boundary--");

  private static final List<String> BAD_IDS =
      List.of(
          "0",
          "-1",
          "99999999999",
          "9223372036854775808",
          "1.5",
          "abc",
          "' OR 1=1--",
          "<script>",
          "%00",
          "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "null",
          "undefined",
          "NaN",
          "1e3",
          " 1",
          "0427F3A9C01D2",
          UUID.randomUUID().toString(),
          "z".repeat(5000),
          "%F0%9F%98%80",
          "%C0%AF");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=boundary",
          "application/octet-stream",
          "application/json; charset=ebcdic",
          "garbage",
          "");

  private List<Case> casesFor(Endpoint endpoint, Random random, Person seller, Person buyer) {
    List<Case> cases = new ArrayList<>();
    Map<String, String> auth = auth(endpoint.who(), seller, buyer);
    boolean hasIds = endpoint.template().contains("{");
    // 1. wrong ids, with an otherwise plausible (or no) body
    if (hasIds) {
      for (String id : BAD_IDS) {
        cases.add(
            new Case(
                endpoint,
                query(
                    endpoint,
                    withIds(endpoint.template(), id.contains("%") ? id : encode(id)),
                    random),
                endpoint.fields().isEmpty() ? null : body(endpoint, plausible(endpoint)),
                json(auth)));
      }
      arbitraryIds(random)
          .forEach(
              id ->
                  cases.add(
                      new Case(
                          endpoint,
                          query(endpoint, withIds(endpoint.template(), encode(id)), random),
                          endpoint.fields().isEmpty() ? null : "{}",
                          json(auth))));
    }
    // Bodies must be refused; on a path with ids they go to the real object (or a wrong id).
    String path = query(endpoint, withIds(endpoint.template(), endpoint.realIds(), "0"), random);
    // 2. the body, broken whole
    if (!endpoint.fields().isEmpty()) {
      for (String broken : BROKEN_BODIES) {
        if (endpoint.mayAccept() || !broken.isBlank()) {
          cases.add(new Case(endpoint, path, broken, json(auth)));
        }
      }
      // 3. one field at a time hostile, the others plausible
      for (String field : endpoint.fields().keySet()) {
        List<String> values = new ArrayList<>(badValues(endpoint.fields().get(field)));
        randomStrings(random).forEach(s -> values.add(json(s)));
        for (String value : values) {
          Map<String, String> members = plausible(endpoint);
          members.put(field, value);
          cases.add(new Case(endpoint, path, body(endpoint, members), json(auth)));
        }
      }
      // 4. every field hostile at once, and fields of the wrong shape
      for (int i = 0; i < 10; i++) {
        Map<String, String> members = new LinkedHashMap<>();
        for (var field : endpoint.fields().entrySet()) {
          List<String> bad = badValues(field.getValue());
          members.put(field.getKey(), bad.get(random.nextInt(bad.size())));
        }
        cases.add(new Case(endpoint, path, body(endpoint, members), json(auth)));
      }
      // 5. wrong content types, an oversized body
      for (String type : CONTENT_TYPES) {
        Map<String, String> headers = new LinkedHashMap<>(auth);
        headers.put("Content-Type", type);
        cases.add(new Case(endpoint, path, body(endpoint, plausible(endpoint)), headers));
      }
      cases.add(new Case(endpoint, path, "{\"a\":\"" + HUGE + "\"}", json(auth)));
      cases.add(new Case(endpoint, path, "{\"a\":\"" + HUGE + "\"}", json(auth), true));
    } else {
      // a body where none is expected, and an oversized one (with and without a length)
      cases.add(new Case(endpoint, path, "{\"unexpected\":true}", json(auth)));
      cases.add(new Case(endpoint, path, HUGE, json(auth)));
      cases.add(new Case(endpoint, path, HUGE, json(auth), true));
    }
    // 6. answers in a type the API does not speak
    for (String accept : List.of("application/xml", "text/html", "image/png")) {
      Map<String, String> headers = new LinkedHashMap<>(auth);
      headers.put("Accept", accept);
      cases.add(
          new Case(
              endpoint,
              path,
              endpoint.fields().isEmpty() ? null : body(endpoint, plausible(endpoint)),
              headers));
    }
    // 7. a method the path does not have
    String wrong = endpoint.method().equals("PATCH") ? "OPTIONS" : "PATCH";
    cases.add(
        new Case(
            new Endpoint(
                wrong, endpoint.template(), endpoint.who(), Map.of(), Map.of(), false, false),
            path,
            "{}",
            json(auth)));
    // 8. hostile query parameters on every path
    for (String q :
        List.of(
            "?status=%27%20OR%201%3D1",
            "?amount=NaN&accountId=%3Cscript%3E", "?q=%00&number=%25")) {
      cases.add(new Case(endpoint, path.contains("?") ? path : path + q, null, json(auth)));
    }
    return cases;
  }

  private static Map<String, String> json(Map<String, String> auth) {
    Map<String, String> headers = new LinkedHashMap<>(auth);
    headers.put("Content-Type", "application/json");
    return headers;
  }

  private static String query(Endpoint endpoint, String path, Random random) {
    if (endpoint.template().endsWith("/quote")) {
      List<String> amounts =
          List.of("1.005", "-1", "0", "1e20", "NaN", "abc", "", "%27--", "12345678901234");
      return path
          + "?accountId="
          + encode(BAD_IDS.get(random.nextInt(BAD_IDS.size())))
          + "&amount="
          + encode(amounts.get(random.nextInt(amounts.size())));
    }
    if (endpoint.template().endsWith("/balance")) {
      return path + "?authorizationId=" + encode(UUID.randomUUID().toString());
    }
    if (endpoint.template().endsWith("/partner/accounts/{number}")) {
      return path + "?bankRequisite=%27%20OR%201%3D1";
    }
    if (endpoint.template().endsWith("/admin/offers")) {
      return path + "?status=" + encode(List.of("X", "'--", "", "active").get(random.nextInt(4)));
    }
    return path;
  }

  private static String withIds(String template, String id) {
    return template.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(id));
  }

  private static String withIds(String template, Map<String, String> real, String fallback) {
    String path = template;
    for (var id : real.entrySet()) {
      path = path.replace("{" + id.getKey() + "}", encode(id.getValue()));
    }
    return withIds(path, fallback);
  }

  private static List<String> badValues(Field field) {
    return switch (field) {
      case TEXT -> HOSTILE_TEXT;
      case AMOUNT -> BAD_AMOUNTS;
      case DURATION -> BAD_DURATIONS;
      case BOOL -> BAD_BOOLS;
      case INT -> BAD_INTS;
      case CODE -> BAD_CODES;
      case ID -> {
        List<String> ids = new ArrayList<>(HOSTILE_TEXT);
        BAD_IDS.forEach(id -> ids.add(json(id)));
        yield ids;
      }
    };
  }

  /** Values each field would take in a valid request, except that they point nowhere. */
  private static Map<String, String> plausible(Endpoint endpoint) {
    Map<String, String> members = new LinkedHashMap<>();
    for (var field : endpoint.fields().entrySet()) {
      members.put(
          field.getKey(),
          switch (field.getValue()) {
            case TEXT -> json("fuzz " + UUID.randomUUID().toString().substring(0, 8));
            case AMOUNT -> json("1.005");
            case ID -> json("999999999");
            case DURATION -> json("PT0S");
            case BOOL -> json("maybe");
            case INT -> "-1";
            case CODE -> json("12345");
          });
    }
    return members;
  }

  private static String body(Endpoint endpoint, Map<String, String> members) {
    String object =
        members.entrySet().stream()
            .map(m -> json(m.getKey()) + ":" + m.getValue())
            .collect(Collectors.joining(",", "{", "}"));
    return endpoint.arrayBody() ? "[" + object + "]" : object;
  }

  private static List<String> randomStrings(Random random) {
    Arbitrary<String> strings =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMinLength(0).ofMaxLength(64),
            Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8),
            Arbitraries.strings()
                .withChars("'\";<>&%\\/{}[]()*$#-=")
                .ofMinLength(1)
                .ofMaxLength(32),
            Arbitraries.strings().numeric().withChars(".-e,").ofMinLength(1).ofMaxLength(40));
    return strings.sampleStream().limit(RANDOM_PER_FIELD).toList();
  }

  private static List<String> arbitraryIds(Random random) {
    Arbitrary<String> ids =
        Arbitraries.oneOf(
            // Never a small positive number: that may be a real id of the caller's own (jqwik
            // draws edge cases such as 1 often), which the caller may rightly read.
            Arbitraries.longs().filter(l -> l <= 0 || l > 1_000_000_000L).map(String::valueOf),
            Arbitraries.strings()
                .all()
                .ofMinLength(1)
                .ofMaxLength(40)
                .filter(t -> !t.strip().matches("\\d{1,9}")),
            Arbitraries.longs().map(l -> new UUID(l, ~l).toString()));
    return ids.sampleStream().limit(RANDOM_PER_FIELD).toList();
  }

  private static String json(String text) {
    return Json.createValue(text).toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Map<String, String> auth(Who who, Person seller, Person buyer) {
    return switch (who) {
      case ANONYMOUS -> Map.of();
      case ADMIN -> basic("admin", Api.ADMIN_PASSWORD);
      case CLIENT -> basic(buyer.login(), buyer.password());
      case OPERATOR -> basic("operator", Api.OPERATOR_PASSWORD);
      case PARTNER -> Map.of("X-Api-Key", KEY, "Idempotency-Key", UUID.randomUUID().toString());
      case BANK -> Map.of();
    };
  }

  /** The bank's headers for this body: its event id (when it names one) and the signature. */
  private static Map<String, String> bankSignature(String body) {
    Matcher named = EVENT_ID.matcher(body);
    String eventId = named.find() ? named.group(1) : UUID.randomUUID().toString();
    long t = Instant.now().getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String v1 =
          HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
      return Map.of(
          "Escrow-Event-Id",
          printable(eventId) ? eventId : "x",
          "Escrow-Signature",
          "t=" + t + ",v1=" + v1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean printable(String header) {
    return !header.isBlank()
        && header.length() <= 200
        && header.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f);
  }

  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"\\\\]*)\"");

  /** BANK_CALLBACK_SECRET of the suite's server (integration-tests/pom.xml). */
  private static final String CALLBACK_SECRET = "test-bank-callback-secret";

  private static Map<String, String> basic(String login, String password) {
    return Map.of(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  // ---------------------------------------------------------------- sending and judging

  private List<Outcome> sendAll(List<Case> cases) throws InterruptedException {
    ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (Case c : cases) {
      pool.submit(
          () -> {
            try {
              outcomes.add(send(c));
            } catch (Exception e) {
              errors.incrementAndGet();
              outcomes.add(new Outcome(c, 599, "", "no answer: " + e));
            }
          });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(20, TimeUnit.MINUTES), "the fuzz did not finish");
    return new ArrayList<>(outcomes);
  }

  private Outcome send(Case c) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + c.path()))
            .timeout(Duration.ofSeconds(60));
    Map<String, String> headers = new LinkedHashMap<>(c.headers());
    headers.putIfAbsent("Accept", "application/json");
    if (c.endpoint().who() == Who.BANK && c.body() != null) {
      headers.putAll(bankSignature(c.body()));
    }
    for (var header : headers.entrySet()) {
      if (!header.getValue().isEmpty()) {
        request.setHeader(header.getKey(), header.getValue());
      }
    }
    if (c.chunked()) {
      // A stream of unknown length goes out as Transfer-Encoding: chunked (HTTP/1.1).
      byte[] bytes = c.body().getBytes(StandardCharsets.UTF_8);
      request.version(HttpClient.Version.HTTP_1_1);
      request.method(
          c.endpoint().method(),
          HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    } else {
      request.method(
          c.endpoint().method(),
          c.body() == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    int status = response.statusCode();
    if (status == 201 && c.endpoint().method().equals("POST")) {
      created.merge(c.endpoint().template(), 1, Integer::sum);
    }
    return new Outcome(
        c, status, response.headers().firstValue("Content-Type").orElse(""), response.body());
  }

  private static String check(Outcome o) {
    Case c = o.sent();
    String what =
        o.status()
            + " for "
            + c.endpoint().method()
            + " "
            + abbreviate(c.path())
            + " "
            + abbreviate(String.valueOf(c.headers().get("Content-Type")))
            + " accept="
            + c.headers().getOrDefault("Accept", "json")
            + (c.chunked() ? " chunked" : "")
            + " body="
            + abbreviate(String.valueOf(c.body()))
            + " -> "
            + abbreviate(o.body());
    // An anonymous caller of a signed-in endpoint is refused (401) before its body is looked at.
    if (c.oversized() && o.status() != 413 && o.status() != 401) {
      return "an oversized body not refused with 413: " + what;
    }
    if (o.status() >= 200 && o.status() < 300) {
      // A random id may name a real object: reading it is fine for a caller who sees everything
      // (admin, operator, partner); a client must never read another's object (404).
      boolean readsAll = c.endpoint().method().equals("GET") && c.endpoint().who() != Who.CLIENT;
      return c.endpoint().mayAccept() || readsAll ? null : "accepted hostile input: " + what;
    }
    if (!REFUSALS.contains(o.status())) {
      return "status outside the contract: " + what;
    }
    if (!o.contentType().startsWith("application/problem+json")) {
      return "not problem+json (" + o.contentType() + "): " + what;
    }
    try (var reader = Json.createReader(new StringReader(o.body()))) {
      JsonObject problem = reader.readObject();
      if (problem.getInt("status", -1) != o.status()
          || !problem.containsKey("title")
          || !problem.containsKey("detail")) {
        return "problem without status/title/detail: " + what;
      }
    } catch (RuntimeException notJson) {
      return "problem body is not JSON: " + what;
    }
    return null;
  }

  private static String abbreviate(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= 160 ? clean : clean.substring(0, 160) + "...(" + text.length() + ")";
  }

  // ---------------------------------------------------------------- what the data looks like

  private static String pendingOffer(Person seller) {
    Api.Reply offer =
        seller
            .api()
            .post(
                "/api/v1/me/offers",
                "{\"title\":\"Pending\",\"description\":\"d\",\"price\":\"5\",\"paymentWindow\":\"PT1H\"}");
    assertEquals(201, offer.status(), offer.body());
    return offer.json().getString("id");
  }

  private static String bankCustomerOf(Person person) {
    Api.Reply found =
        Api.operator().get("/bank/api/v1/backoffice/customers?q=" + encode(person.email()));
    assertEquals(200, found.status(), found.body());
    return found.array().getJsonObject(0).get("id").toString().replace("\"", "");
  }

  record Snapshot(Map<String, String> figures) {

    void assertUnchangedBut(Snapshot after, Map<String, Integer> created) {
      System.out.println("FUZZ data before: " + figures);
      System.out.println("FUZZ data after:  " + after.figures());
      Map<String, String> expected = new TreeMap<>(figures);
      adjust(expected, "clients", created.get("/api/v1/admin/clients"));
      adjust(expected, "banks", created.get("/api/v1/admin/banks"));
      adjust(expected, "deal-statuses", created.get("/api/v1/admin/deal-statuses"));
      adjust(expected, "offers", created.get("/api/v1/me/offers"));
      adjust(expected, "my-offers", created.get("/api/v1/me/offers"));
      assertEquals(expected, new TreeMap<>(after.figures()), "the data changed");
      assertEquals("true", after.figures().get("audit.consistent"), "the bank's audit");
    }

    private static void adjust(Map<String, String> figures, String name, Integer by) {
      if (by != null) {
        figures.put(name, String.valueOf(Integer.parseInt(figures.get(name)) + by));
      }
    }
  }

  /**
   * A snapshot once the server is quiet: two in a row, 2 s apart, agree. Earlier tests leave work
   * in the queues (a transfer carried out, a payout settled: balances, held money and fees move),
   * which a snapshot taken at once would count as a change made by the fuzz.
   */
  private static Snapshot quietSnapshot(Person seller, Person buyer, String customer) {
    return Waiting.quiet(
        Market.PATIENCE, Duration.ofSeconds(2), () -> snapshot(seller, buyer, customer));
  }

  private static Snapshot snapshot(Person seller, Person buyer, String customer) {
    Map<String, String> figures = new LinkedHashMap<>();
    Api admin = Api.admin();
    figures.put("clients", count(admin, "/api/v1/admin/clients"));
    figures.put("banks", count(admin, "/api/v1/banks"));
    figures.put("deal-statuses", count(admin, "/api/v1/admin/deal-statuses"));
    figures.put("offers", count(admin, "/api/v1/admin/offers"));
    figures.put("deals", count(admin, "/api/v1/admin/deals"));
    figures.put("payments", count(admin, "/api/v1/admin/payments"));
    figures.put("settings", admin.get("/api/v1/admin/settings").body());
    figures.put("my-accounts", count(buyer.api(), "/api/v1/me/accounts"));
    figures.put("my-offers", count(buyer.api(), "/api/v1/me/offers"));
    figures.put("my-deals", count(buyer.api(), "/api/v1/me/deals"));
    figures.put("seller-offers", seller.api().get("/api/v1/me/offers").body());
    Api operator = Api.operator();
    JsonObject audit = operator.get("/bank/api/v1/backoffice/audit").json();
    for (String member : List.of("deposits", "balances", "held", "fees", "consistent")) {
      JsonValue value = audit.get(member);
      figures.put("audit." + member, value.toString().replace("\"", ""));
    }
    figures.put("bank.fees", operator.get("/bank/api/v1/backoffice/fees").body());
    figures.put("bank.settings", operator.get("/bank/api/v1/backoffice/settings").body());
    figures.put(
        "bank.customer-accounts",
        operator.get("/bank/api/v1/backoffice/customers/" + customer + "/accounts").body());
    return new Snapshot(figures);
  }

  private static String count(Api api, String path) {
    Api.Reply reply = api.get(path);
    assertEquals(200, reply.status(), path + ": " + reply.body());
    return String.valueOf(reply.array().size());
  }

  // ---------------------------------------------------------------- the OpenAPI document

  private static Set<String> openApiOperations() {
    Api.Reply document = Api.anonymous().get("/openapi?format=JSON");
    assertEquals(200, document.status(), document.body());
    Set<String> operations = new TreeSet<>();
    JsonObject paths = document.json().getJsonObject("paths");
    for (var path : paths.entrySet()) {
      for (String method : path.getValue().asJsonObject().keySet()) {
        if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
          operations.add(normalize(method.toUpperCase() + " " + path.getKey()));
        }
      }
    }
    return operations;
  }

  /** "GET /api/v1/deals/{id}" and "GET /deals/{dealId}" are the same operation. */
  private static String normalize(String operation) {
    String normal = operation.replaceAll("\\{[^}]+}", "{}");
    normal = normal.replace(" /bank/api/v1/", " /bank/").replace(" /api/v1/", " /");
    return normal;
  }
}

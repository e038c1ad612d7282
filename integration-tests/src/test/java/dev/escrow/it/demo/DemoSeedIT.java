package dev.escrow.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Waiting;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo run as a newcomer meets it: the server in demo mode (DEMO_MODE=true, without
 * MARKETPLACE_DEMO_PASSWORD), on data of its own, started fresh. Run by the failsafe execution
 * {@code demo} (integration-tests/pom.xml, Arquillian container {@code demo}); the first test fails
 * at once when the server is not in demo mode, so it cannot pass against the ordinary suite.
 */
@Tag("demo")
@ExtendWith(FreshDemoData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSeedIT extends EarDeployment {

  static final String SETTLEMENT = "0420000000001";
  static final Map<String, String> ACCOUNTS =
      Map.of(
          "seller-anna", "1170000000101",
          "seller-dmitry", "2050000000102",
          "buyer-olga", "3180000000103",
          "buyer-sergey", "0420000000104");
  static final Pattern SEEDED =
      Pattern.compile(
          "Demo marketplace seed: .*all with the generated password (\\S+) \\(shown once");
  static final String ALREADY = "Demo marketplace data is already there; not seeding again";
  static final Duration SEED_TIME = Duration.ofMinutes(3);

  @ArquillianResource ManagementClient management;

  static String log() {
    try {
      Path log = FreshDemoData.serverDir().resolve("log/server.log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  static <T> T await(String what, Supplier<T> probe) {
    T value = Waiting.lastRead(SEED_TIME, Duration.ofMillis(250), probe::get, found -> true);
    return value != null ? value : fail(what + " did not happen within " + SEED_TIME);
  }

  /** The demo clients' password, as the log printed it once. */
  static String password() {
    return await(
        "the demo seed's log line",
        () -> {
          Matcher m = SEEDED.matcher(log());
          return m.find() ? m.group(1) : null;
        });
  }

  @Test
  @Order(1)
  void theServerRunsInDemoMode() {
    Api.Reply outbox = Api.anonymous().get("/bank/api/v1/demo/outbox?to=nobody@demo.example");
    assertEquals(
        200, outbox.status(), "the demo outbox answers only in demo mode: " + outbox.body());
  }

  @Test
  @Order(2)
  void theSeedRegistersTheBanksTheSettlementAccountClientsAndOffers() {
    String password = password();
    assertTrue(password.length() >= 16, password);

    // The ten banks of the bank service, with their names and requisites.
    Map<String, String> bankService =
        Api.anonymous().get("/bank/api/v1/banks").array().stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(b -> b.getString("requisite"), b -> b.getString("name")));
    assertEquals(10, bankService.size());
    Map<String, String> registered =
        Api.admin().get("/api/v1/banks").array().stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(b -> b.getString("requisite"), b -> b.getString("name")));
    assertEquals(bankService, registered);

    JsonObject settings = Api.admin().get("/api/v1/admin/settings").json();
    assertFalse(settings.isNull("settlementAccount"), settings.toString());
    JsonObject settlement = settings.getJsonObject("settlementAccount");
    assertEquals(SETTLEMENT, settlement.getString("number"));
    assertEquals("044525042", settlement.getJsonObject("bank").getString("requisite"));

    Set<String> clients =
        Api.admin().get("/api/v1/admin/clients").array().stream()
            .map(c -> c.asJsonObject().getString("login"))
            .collect(Collectors.toSet());
    assertTrue(clients.containsAll(ACCOUNTS.keySet()), clients.toString());
    Set<String> banksOfClients = new java.util.HashSet<>();
    for (var client : ACCOUNTS.entrySet()) {
      Api.Reply accounts = Api.as(client.getKey(), password).get("/api/v1/me/accounts");
      assertEquals(200, accounts.status(), client.getKey() + ": " + accounts.body());
      assertEquals(1, accounts.array().size(), accounts.body());
      JsonObject account = accounts.array().getJsonObject(0);
      assertEquals(client.getValue(), account.getString("number"));
      banksOfClients.add(account.getJsonObject("bank").getString("requisite"));
    }
    assertEquals(4, banksOfClients.size(), "every demo client at a different bank");
    assertEquals(new BigDecimal("150000.00"), balance(ACCOUNTS.get("buyer-olga")));
    assertEquals(new BigDecimal("60000.00"), balance(ACCOUNTS.get("buyer-sergey")));
    assertEquals(new BigDecimal("0.00"), balance(ACCOUNTS.get("seller-anna")));

    // The catalogue: approved offers, Russian text, several prices, some small.
    Api.Reply catalogue = Api.as("buyer-olga", password).get("/api/v1/offers?size=100");
    assertEquals(200, catalogue.status(), catalogue.body());
    JsonArray offers = catalogue.array();
    assertEquals(8, offers.size(), catalogue.body());
    assertEquals("8", catalogue.header("X-Total-Count"));
    Set<BigDecimal> prices =
        offers.stream()
            .map(o -> new BigDecimal(o.asJsonObject().getString("price")))
            .collect(Collectors.toSet());
    assertTrue(prices.size() >= 6, prices.toString());
    assertTrue(prices.stream().anyMatch(p -> p.compareTo(new BigDecimal("1000")) < 0), "small");
    for (JsonValue o : offers) {
      JsonObject offer = o.asJsonObject();
      assertTrue(offer.getString("title").matches(".*[А-Яа-яЁё].*"), offer.toString());
      assertTrue(offer.getString("description").matches(".*[А-Яа-яЁё].*"), offer.toString());
      assertTrue(offer.getString("description").length() > 60, offer.toString());
      assertFalse(offer.toString().toLowerCase().contains("commission"), offer.toString());
    }
    JsonArray active = Api.admin().get("/api/v1/admin/offers?status=ACTIVE").array();
    assertEquals(8, active.size());
    assertEquals(
        0, Api.admin().get("/api/v1/admin/offers?status=PENDING_MODERATION").array().size());
    assertTrue(
        active.stream()
            .allMatch(o -> "5.00".equals(o.asJsonObject().getString("commissionPercent"))));
  }

  @Test
  @Order(3)
  void theBuyerPaysInPartsWithCodesFromTheDemoOutboxAndTheSellerIsPaidOut() {
    String password = password();
    Api buyer = Api.as("buyer-olga", password);
    JsonObject offer = offerTitled(buyer, "Булгаков");
    assertEquals("890.00", offer.getString("price"));
    BigDecimal settlementBefore = balance(SETTLEMENT);
    String buyerAccount = buyer.get("/api/v1/me/accounts").array().getJsonObject(0).getString("id");

    Api.Reply bought = buyer.post("/api/v1/offers/" + offer.getString("id") + "/buy", "");
    assertEquals(201, bought.status(), bought.body());
    String deal = bought.json().getString("id");

    // The seed refreshed the fee cache once the bank answered: the quote shows the bank's own fee
    // between the buyer's bank (318) and the seller's (117), which the bank checks on transfer.
    String bankFee =
        Api.operator().get("/bank/api/v1/backoffice/fees").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(
                f ->
                    f.getString("fromBank").equals("046577318")
                        && f.getString("toBank").equals("044030117"))
            .map(f -> f.getString("percent"))
            .findFirst()
            .orElseThrow();
    await(
        "the quote at the bank's fee " + bankFee,
        () -> {
          JsonObject quote =
              buyer
                  .get("/api/v1/deals/" + deal + "/quote?accountId=" + buyerAccount + "&amount=500")
                  .json();
          return new BigDecimal(quote.getString("feePercent")).compareTo(new BigDecimal(bankFee))
                  == 0
              ? quote
              : null;
        });

    pay(buyer, deal, buyerAccount, "500.00");
    awaitDeal(buyer, deal, "IN_PROGRESS");
    pay(buyer, deal, buyerAccount, "390.00");
    awaitDeal(buyer, deal, "COMPLETED");

    // The seller gets the price less the 5 % commission; the commission reaches the settlement
    // account (the buyer paid the inter-bank fee on top).
    awaitBalance(ACCOUNTS.get("seller-anna"), new BigDecimal("845.50"));
    awaitBalance(SETTLEMENT, settlementBefore.add(new BigDecimal("44.50")));
  }

  @Test
  @Order(4)
  void theCodeStepLinksToTheDemoOutboxWithTheCode() throws IOException {
    String password = password();
    Api buyer = Api.as("buyer-sergey", password);
    JsonObject offer = offerTitled(buyer, "Палатка");
    Api.Reply bought = buyer.post("/api/v1/offers/" + offer.getString("id") + "/buy", "");
    assertEquals(201, bought.status(), bought.body());
    String deal = bought.json().getString("id");
    try (Browser browser = new Browser("demo")) {
      browser.signIn("/cabinet/deal.xhtml?id=" + deal, "buyer-sergey", password);
      browser.type("payForm:amount", "1000.00");
      browser.click("payForm:pay");
      WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
      WebElement link =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.id("codeForm:demoOutboxLink")));
      browser.screenshot("code-step-with-demo-outbox-link");
      // A payment waiting for its code is resumed after a reload, and so is the link to its code.
      browser.open("/cabinet/deal.xhtml?id=" + deal);
      link =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.id("codeForm:demoOutboxLink")));
      String href = link.getAttribute("href");
      assertTrue(href.contains("/bank/demo/codes.xhtml?authorization="), href);
      browser.driver().get(href);
      WebElement code =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".code")));
      browser.screenshot("demo-outbox-page");
      assertTrue(code.getText().matches("\\d{6}"), code.getText());
      assertTrue(
          browser.driver().findElement(By.id("sentTo")).getText().startsWith("s***@"),
          "the address is masked");
      // The code on the page is the one the bank's outbox API holds for the payment.
      String latest =
          Api.anonymous()
              .get("/bank/api/v1/demo/outbox?to=sergey.popov@demo.example")
              .array()
              .getJsonObject(0)
              .getString("code");
      assertEquals(latest, code.getText());
    }
    // An unknown authorization shows nothing, and the page escapes what it is given.
    try (Browser browser = new Browser("demo-unknown")) {
      browser.open("/bank/demo/codes.xhtml?authorization=%3Cscript%3Ealert(1)%3C/script%3E");
      browser.waitForText("Писем нет");
      assertFalse(browser.driver().getPageSource().contains("<script>alert(1)"));
    }
  }

  @Test
  @Order(5)
  void aRestartSeedsNothingAgain() throws Exception {
    String password = password();
    Map<String, Integer> before = counts(password);
    int alreadyBefore = count(log(), ALREADY);

    ModelNode reload = new ModelNode();
    reload.get("operation").set("reload");
    ModelNode outcome = management.getControllerClient().execute(reload);
    assertEquals("success", outcome.get("outcome").asString(), outcome.toString());
    await(
        "the second seed run after the reload",
        () -> count(log(), ALREADY) > alreadyBefore ? Boolean.TRUE : null);
    await(
        "the marketplace answering after the reload",
        () -> Api.admin().get("/api/v1/banks").status() == 200 ? Boolean.TRUE : null);

    assertEquals(before, counts(password));
    String log = log();
    assertEquals(1, count(log, "Demo marketplace seed: "), "seeded once");
    assertEquals(1, count(log, password), "the generated password is printed once");
  }

  private static Map<String, Integer> counts(String password) {
    return Map.of(
        "banks", Api.admin().get("/api/v1/banks").array().size(),
        "clients", Api.admin().get("/api/v1/admin/clients").array().size(),
        "offers", Api.admin().get("/api/v1/admin/offers").array().size(),
        "olga's accounts",
            Api.as("buyer-olga", password).get("/api/v1/me/accounts").array().size());
  }

  private static JsonObject offerTitled(Api buyer, String word) {
    Api.Reply found =
        buyer.get("/api/v1/offers?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
    assertEquals(200, found.status(), found.body());
    assertEquals(1, found.array().size(), found.body());
    return found.array().getJsonObject(0);
  }

  private static void pay(Api buyer, String deal, String accountId, String amount) {
    Api.Reply started =
        buyer.post(
            "/api/v1/deals/" + deal + "/payments",
            "{\"accountId\":\"" + accountId + "\",\"amount\":\"" + amount + "\"}");
    assertEquals(201, started.status(), started.body());
    String payment = started.json().getString("id");
    String code = codeFromTheOutbox("olga.novikova@demo.example", "payment-" + payment);
    Api.Reply confirmed =
        buyer.post("/api/v1/payments/" + payment + "/confirmation", "{\"code\":\"" + code + "\"}");
    assertEquals(202, confirmed.status(), confirmed.body());
  }

  /** The code the demo outbox holds for this address and reference (the payment's key). */
  private static String codeFromTheOutbox(String email, String reference) {
    return await(
        "a code for " + reference + " in the demo outbox of " + email,
        () ->
            Api.anonymous()
                .get(
                    "/bank/api/v1/demo/outbox?to="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .array()
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getString("text").contains("(reference " + reference + ")"))
                .map(m -> m.getString("code"))
                .findFirst()
                .orElse(null));
  }

  private static void awaitDeal(Api buyer, String deal, String status) {
    await(
        "deal " + deal + " " + status,
        () -> {
          JsonObject d = buyer.get("/api/v1/deals/" + deal).json();
          return d.getJsonObject("status").getString("code").equals(status) ? d : null;
        });
  }

  private static BigDecimal balance(String account) {
    Api.Reply reply = Api.operator().get("/bank/api/v1/backoffice/accounts/" + account);
    assertEquals(200, reply.status(), reply.body());
    return new BigDecimal(reply.json().getString("balance"));
  }

  private static void awaitBalance(String account, BigDecimal expected) {
    await(
        "balance " + expected + " on " + account,
        () -> balance(account).compareTo(expected) == 0 ? Boolean.TRUE : null);
    assertNotNull(expected);
  }
}

package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import dev.escrow.it.support.Scrape;
import dev.escrow.it.support.ServerLog;
import dev.escrow.it.support.Waiting;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator watches: the Prometheus scrape at the management interface moves with a payment,
 * the server log tells what happened to the money, and ordinary refusals log no ERROR.
 */
class ObservabilityIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  private static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  @Test
  void aPaymentMovesTheCountersAndWritesOneMoneyLinePerMovement() {
    Scrape before = Scrape.now();
    assertTrue(
        before.has("messaging_activemq_message_count"), "the server's own queue depths are there");
    ServerLog log = ServerLog.mark();

    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "500.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "200.00", "PT1H", "5"));
    String payment = PaymentFlowIT.pay(mail, buyer, deal, "200.00").getString("id");
    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "190.00");

    Scrape after =
        awaitScrape(
            s ->
                grew(before, s, "bank_operations_total", "outcome=\"settled\"")
                    && grew(before, s, "marketplace_payouts_total", "kind=\"settled\""));
    for (String[] meter :
        List.of(
            new String[] {"marketplace_payments_total", "outcome=\"succeeded\""},
            new String[] {"marketplace_payment_latency_seconds_count", "outcome=\"succeeded\""},
            new String[] {"marketplace_deals_total", "outcome=\"completed\""},
            new String[] {"bank_transfers_total", "outcome=\"completed\""})) {
      assertTrue(
          grew(before, after, meter[0], meter[1]),
          meter[0]
              + "{"
              + meter[1]
              + "} went from "
              + before.value(meter[0], meter[1])
              + " to "
              + after.value(meter[0], meter[1]));
    }
    assertTrue(
        after.value("marketplace_payment_latency_seconds_sum", "outcome=\"succeeded\"")
            > before.value("marketplace_payment_latency_seconds_sum", "outcome=\"succeeded\""),
        "the latency timer recorded a positive duration");
    System.out.println(
        "METRICS after payment "
            + payment
            + ":\n"
            + after.linesOf(
                "marketplace_", "bank_", "messaging_activemq_message_count{app=\"wildfly\""));

    String succeeded =
        log.awaitLine(
            "dev.escrow.marketplace.money", "payment succeeded: payment=" + payment + " ", WAIT);
    assertTrue(succeeded.contains(" deal=" + deal + " "), succeeded);
    assertTrue(succeeded.contains(" amount=200.00 fee=0.00 "), succeeded);
    String transfer = field(succeeded, "transfer");
    String completed =
        log.awaitLine("dev.escrow.marketplace.money", "deal completed: deal=" + deal + " ", WAIT);
    assertTrue(completed.contains(" price=200.00 commission=10.00"), completed);
    String operation = field(completed, "operation");
    String settled =
        log.awaitLine(
            "dev.escrow.marketplace.money", "operation settled: deal=" + deal + " ", WAIT);
    assertTrue(settled.contains(" commission=10.00 toSeller=190.00 "), settled);
    String carriedOut =
        log.awaitLine(
            "dev.escrow.bank.money", "transfer completed: transfer=" + transfer + " ", WAIT);
    assertTrue(carriedOut.contains(" operation=" + operation + " "), carriedOut);
    String bankSettled =
        log.awaitLine(
            "dev.escrow.bank.money", "operation settled: operation=" + operation + " ", WAIT);
    assertTrue(bankSettled.contains(" held=200.00 commission=10.00 toPayees=190.00"), bankSettled);
    for (String line : List.of(succeeded, completed, settled, carriedOut, bankSettled)) {
      assertTrue(line.contains(" INFO "), line);
      System.out.println("MONEY " + line);
    }
  }

  @Test
  void jobRunsAndTheAuditAreMeasured() {
    Scrape before = Scrape.now();
    Api.Reply job = Api.admin().post("/api/v1/admin/jobs/fee-refresh", "");
    assertEquals(202, job.status(), job.body());
    Market.await(
        Api.admin(),
        "/api/v1/admin/jobs/" + job.json().getString("executionId"),
        j -> j.getString("status").equals("COMPLETED"),
        WAIT);
    awaitScrape(
        s ->
            grew(
                before,
                s,
                "marketplace_job_runs_total",
                "job=\"fee-refresh\"",
                "outcome=\"completed\""));

    Api.Reply audit = Api.operator().get("/bank/api/v1/backoffice/audit");
    assertEquals(200, audit.status(), audit.body());
    assertTrue(audit.json().getBoolean("consistent"), audit.body());
    assertEquals(1.0, Scrape.now().value("bank_audit_consistent"), "the audit's gauge");
  }

  @Test
  void ordinaryRefusalsLogNoErrorAndNoStackTrace() throws Exception {
    ServerLog log = ServerLog.mark();
    Api.Reply invalid =
        Api.admin()
            .post(
                "/api/v1/admin/clients", "{\"fullName\":\"\",\"login\":\"x\",\"password\":\"y\"}");
    assertEquals(400, invalid.status(), invalid.body());
    Api.Reply broken = Api.admin().post("/api/v1/admin/banks", "{\"name\":");
    assertEquals(400, broken.status(), broken.body());
    Api.Reply badCustomer =
        Api.operator()
            .post(
                "/bank/api/v1/backoffice/customers",
                "{\"fullName\":\"A B\",\"email\":\"not-an-email\",\"phone\":\"+70000000000\"}");
    assertEquals(400, badCustomer.status(), badCustomer.body());
    Api.Reply badTransfer =
        Api.anonymous()
            .send(
                "POST",
                "/bank/api/v1/partner/transfers",
                "{}",
                Map.of("X-Api-Key", "test-bank-api-key"));
    assertEquals(400, badTransfer.status(), badTransfer.body());
    // The back office passes its form to the service, whose own parameter validation refuses it:
    // before, the EJB container logged that at ERROR with the whole stack (WFLYEJB0034).
    String page = registerCustomerOnThePage("not-an-email");
    assertTrue(
        page.contains("E-mail должен быть адресом электронной почты"), "the message next to it");

    List<String> errors =
        log.linesSince().stream()
            .filter(
                l -> l.contains(" ERROR ") || l.startsWith("\tat ") || l.startsWith("Caused by"))
            .toList();
    assertEquals(List.of(), errors, "no ERROR and no stack trace for ordinary refusals");
  }

  /** Signs the operator in on the back office and posts the register-a-customer form. */
  private static String registerCustomerOnThePage(String email) throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    browser.send(get("/bank/backoffice/index.xhtml"), HttpResponse.BodyHandlers.ofString());
    String signedIn =
        browser
            .send(
                post(
                    "/bank/j_security_check",
                    "j_username=operator&j_password=" + encode(Api.OPERATOR_PASSWORD)),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(signedIn);
    assertTrue(state.find(), "the customers form: " + signedIn);
    String form =
        "customers=customers&customers%3AfullName="
            + encode("Page Customer")
            + "&customers%3Aemail="
            + encode(email)
            + "&customers%3Aphone="
            + encode("+70000000000")
            + "&customers%3Aregister=Register&jakarta.faces.ViewState="
            + encode(state.group(1));
    HttpResponse<String> answer =
        browser.send(
            post("/bank/backoffice/index.xhtml", form), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    return answer.body();
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).GET().build();
  }

  private static HttpRequest post(String path, String form) {
    return HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static boolean grew(Scrape before, Scrape after, String name, String... labels) {
    return after.value(name, labels) > before.value(name, labels);
  }

  /** Scrapes until the condition holds: the meters move once the step's transaction committed. */
  private static Scrape awaitScrape(Predicate<Scrape> condition) {
    Scrape last = Waiting.lastRead(WAIT, Duration.ofMillis(200), Scrape::now, condition);
    if (!condition.test(last)) {
      fail(
          "The scrape did not show it within "
              + WAIT
              + ":\n"
              + last.linesOf("marketplace_", "bank_"));
    }
    return last;
  }

  private static String field(String line, String key) {
    Matcher value = Pattern.compile(" " + key + "=(\\S+)").matcher(line);
    assertTrue(value.find(), key + " in " + line);
    return value.group(1);
  }
}

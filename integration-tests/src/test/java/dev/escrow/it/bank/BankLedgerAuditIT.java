package dev.escrow.it.bank;

import static dev.escrow.it.bank.BankFixture.AURORA;
import static dev.escrow.it.bank.BankFixture.NORTHERN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.bank.BankFixture.Holder;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankBooks;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;

/**
 * The audit reconciles every account with its own ledger rows, not only the bank-wide equation:
 * 0.01 moved from one account's balance to another's behind the ledger's back (a test-only
 * deployment, {@link BankBooks}) leaves the equation holding, yet the audit names both accounts
 * with the figures the ledger expects, the readiness check {@code bank-ledger} goes DOWN and the
 * back office's start page says so; moved back, all is UP again.
 */
class BankLedgerAuditIT extends EarDeployment {

  @ArquillianResource ManagementClient management;

  @Test
  void theAuditNamesTheAccountsThatDisagreeWithTheLedgerAndTheHealthCheckFollowsIt()
      throws Exception {
    Holder from = BankFixture.holder("Audit From", AURORA, "100.00");
    Holder to = BankFixture.holder("Audit To", NORTHERN, "0");
    JsonObject before = BankFixture.audit();
    assertTrue(before.getBoolean("consistent"), "the books agree before: " + before);
    assertEquals(0, before.getInt("accountsDisagreeing"), before.toString());
    assertEquals("UP", ledgerCheck().getString("status"));

    try (BankBooks books = BankBooks.deploy(management)) {
      books.shiftBalance(from.number(), "-0.01");
      books.shiftBalance(to.number(), "0.01");
      try {
        JsonObject audit = BankFixture.audit();
        System.out.println("LEDGER audit with two accounts shifted: " + audit);
        assertTrue(audit.getBoolean("equationHolds"), "the bank-wide sums still agree");
        assertFalse(audit.getBoolean("consistent"), audit.toString());
        assertEquals(2, audit.getInt("accountsDisagreeing"), audit.toString());
        Map<String, JsonObject> named =
            audit.getJsonArray("accounts").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(a -> a.getString("number"), a -> a));
        assertEquals(
            Map.of(
                "number", from.number(),
                "balance", "99.99",
                "ledgerBalance", "100.00",
                "held", "0.00",
                "ledgerHeld", "0.00"),
            strings(named.get(from.number())));
        assertEquals("0.01", named.get(to.number()).getString("balance"));
        assertEquals("0.00", named.get(to.number()).getString("ledgerBalance"));
        assertEquals(0, audit.getInt("feeIncomeDisagreeing"), audit.toString());

        JsonObject down = ledgerCheck();
        System.out.println("LEDGER health while they disagree: " + down);
        assertEquals("DOWN", down.getString("status"));
        assertEquals(2, down.getJsonObject("data").getInt("accountsDisagreeing"));
        assertEquals(503, Api.anonymous().get(Api.managementUrl() + "/health/ready").status());
        String start = startPage();
        assertTrue(
            start.contains("2 account(s) and 0 fee income part(s) disagree"),
            "the back office's start page says so: " + start);
      } finally {
        books.shiftBalance(from.number(), "0.01");
        books.shiftBalance(to.number(), "-0.01");
      }
    }
    JsonObject after = BankFixture.audit();
    assertTrue(after.getBoolean("consistent"), after.toString());
    assertEquals(0, after.getInt("accountsDisagreeing"));
    assertEquals("UP", ledgerCheck().getString("status"));
    assertEquals(200, Api.anonymous().get(Api.managementUrl() + "/health/ready").status());
    assertTrue(startPage().contains("every account and fee bucket agrees with its ledger rows"));
  }

  private static Map<String, String> strings(JsonObject object) {
    return object.keySet().stream().collect(Collectors.toMap(k -> k, object::getString));
  }

  /** The readiness check of the last audit, as /health/ready shows it. */
  private static JsonObject ledgerCheck() {
    JsonObject ready = Api.anonymous().get(Api.managementUrl() + "/health/ready").json();
    return ready.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("name").equals("bank-ledger"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no bank-ledger check in " + ready));
  }

  /** The back office's start page, after the operator's FORM sign-in. */
  private static String startPage() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String index = Api.baseUrl() + "/bank/backoffice/index.xhtml";
    browser.send(
        HttpRequest.newBuilder(URI.create(index)).build(), HttpResponse.BodyHandlers.ofString());
    String form =
        "j_username=operator&j_password="
            + URLEncoder.encode(Api.OPERATOR_PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/bank/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (!page.body().contains("ledgerHealth")) {
      page =
          browser.send(
              HttpRequest.newBuilder(URI.create(index)).build(),
              HttpResponse.BodyHandlers.ofString());
    }
    assertEquals(200, page.statusCode());
    return page.body();
  }
}

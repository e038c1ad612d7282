package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankQueue;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The whole buying path in a real browser: buy, pay a part by code, see it processed, pay the rest.
 */
class DealPageIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  @ArquillianResource ManagementClient management;

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  @Test
  void buyerPaysADealInTwoPartsThroughThePages() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    String token = Api.unique("lamp");
    String offerTitle = "Лампа <script>alert(1)</script> " + token;
    Api.Reply offer =
        seller
            .api()
            .post(
                "/api/v1/me/offers",
                "{\"title\":\""
                    + offerTitle.replace("\"", "\\\"")
                    + "\",\"description\":\"A lamp\",\"price\":\"300.00\",\"paymentWindow\":\"PT1H\"}");
    assertEquals(201, offer.status(), offer.body());
    assertEquals(
        200,
        Api.admin()
            .post("/api/v1/admin/offers/" + offer.json().getString("id") + "/approve", "{}")
            .status());

    try (Browser browser = new Browser("deal")) {
      browser.signIn("/cabinet/catalogue.xhtml", buyer.login(), buyer.password());
      browser.type("catalogueForm:query", token);
      browser.click("catalogueForm:search");
      browser.waitForText(token);
      browser.screenshot("catalogue");
      browser.click("catalogueForm:offers:0:buy");

      browser.waitForText("remaining", "300.00");
      assertFalse(
          browser.driver().getPageSource().contains("<script>alert(1)</script>"),
          "the title is escaped");
      browser.screenshot("deal-page");

      browser.type("payForm:amount", "100.00");
      browser.click("payForm:pay");
      browser.waitForText("sentTo", "***");
      browser.screenshot("code-requested");
      assertTrue(
          browser.driver().findElements(By.id("codeForm:demoOutboxLink")).isEmpty(),
          "outside demo mode the code step links to no demo outbox");
      JsonObject payment = latestPayment(buyer);
      browser.type(
          "codeForm:code",
          Market.codeFor(mail, buyer.email(), "payment-" + payment.getString("id")));
      // Hold the transfer in the bank's queue while the page says "being processed": with no
      // processing delay the page's poll could replace the note before the test looked.
      BankQueue.pause(management);
      try {
        browser.click("codeForm:confirm");
        browser.waitForText("Платёж обрабатывается");
        browser.screenshot("being-processed");
      } finally {
        BankQueue.resume(management);
      }

      browser.waitForText("paid", "100.00");
      browser.waitForText("dealStatus", "в процессе");
      browser.screenshot("in-progress");

      browser.type("payForm:amount", "200.00");
      browser.click("payForm:pay");
      browser.waitForText("sentTo", "***");
      browser.type(
          "codeForm:code",
          Market.codeFor(mail, buyer.email(), "payment-" + latestPayment(buyer).getString("id")));
      browser.click("codeForm:confirm");
      browser.waitForText("dealStatus", "завершена");
      browser.screenshot("completed");

      browser.open("/cabinet/deals.xhtml");
      browser.waitForText("завершена");
      browser.screenshot("my-deals");
    }
    assertEquals(new BigDecimal("700.00"), Market.balance(buyer.accountNumber()));

    try (Browser admin = new Browser("admin-deals")) {
      admin.signIn("/admin/deals.xhtml", "admin", Api.ADMIN_PASSWORD);
      admin.waitForText("dealsByStatus", "завершена");
      assertFalse(
          admin.driver().getPageSource().contains("<script>alert(1)</script>"),
          "the title is escaped");
      admin.screenshot("dashboard-and-deals");
      admin.open("/admin/payments.xhtml");
      admin.waitForText("проведён");
      admin.screenshot("payments");
      admin.open("/admin/jobs.xhtml");
      admin.click("jobsForm:refundSweep");
      admin.waitForText("refund-sweep");
      admin.waitForText("COMPLETED");
      admin.screenshot("jobs");
    }
  }

  private static JsonObject latestPayment(Person buyer) {
    var deals = buyer.api().get("/api/v1/me/deals").array();
    var payments = deals.getJsonObject(0).getJsonArray("payments");
    return payments.getJsonObject(payments.size() - 1);
  }
}

package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static dev.escrow.it.support.Market.BANK_B;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The whole buying path in a real browser, the form checked after every step of a payment in two
 * parts: the amount is always what remains, its fee and total are shown before any click, the code
 * step says what it confirms and to whom, can be cancelled and is resumed after a reload, a
 * replaced payment reads "cancelled", and a completed deal has nothing left to pay.
 */
class DealPageIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  @ArquillianResource ManagementClient management;
  private static String feeBefore;

  @BeforeAll
  static void theMarketplaceHasASettlementAccountAndACrossBankFee() {
    Market.settlementAccount();
    feeBefore =
        Api.operator().get("/bank/api/v1/backoffice/fees").array().stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .filter(f -> f.getString("fromBank").equals(BANK_B))
            .filter(f -> f.getString("toBank").equals(BANK_A))
            .map(f -> f.getString("percent"))
            .findFirst()
            .orElse("0.00");
    PaymentFlowIT.setFee(BANK_B, BANK_A, "1.50");
  }

  /** The bank tests that run later on the same server expect the schedule as it was. */
  @AfterAll
  static void theFeeIsAsItWas() {
    PaymentFlowIT.setFee(BANK_B, BANK_A, feeBefore);
  }

  @Test
  void buyerPaysADealInTwoPartsThroughThePages() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_B, "20000.00");
    String token = Api.unique("lamp");
    String offerTitle = "Лампа <script>alert(1)</script> " + token;
    Api.Reply offer =
        seller
            .api()
            .post(
                "/api/v1/me/offers",
                "{\"title\":\""
                    + offerTitle.replace("\"", "\\\"")
                    + "\",\"description\":\"A lamp\",\"price\":\"10000.00\",\"paymentWindow\":\"P20D\"}");
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
      browser.screenshots("catalogue");
      browser.click("catalogueForm:offers:0:buy");

      // 1. before any click: what remains, prefilled, with its fee and total
      browser.waitForText("remaining", "10 000,00 ₽");
      assertFalse(
          browser.driver().getPageSource().contains("<script>alert(1)</script>"),
          "the title is escaped");
      String dealUrl = browser.driver().getCurrentUrl();
      String dealId = dealUrl.replaceAll(".*[?&]id=(\\d+).*", "$1");
      String sellerName = browser.text("seller");
      assertEquals("10000,00", browser.value("payForm:amount"));
      assertEquals("150,00 ₽", browser.text("fee"));
      assertEquals("10 150,00 ₽", browser.text("total"));
      assertTrue(
          browser.text("timeLeft").matches("19 дн\\. 23:\\d\\d:\\d\\d"), browser.text("timeLeft"));
      browser.screenshots("form-initial");

      // 2. a part: the quote follows the amount, the code step repeats it and names the seller
      // leaving the field (Tab) fires its change event, which quotes the amount
      browser.type("payForm:amount", "5000,00" + Keys.TAB);
      browser.waitForText("total", "5 075,00 ₽");
      assertEquals("75,00 ₽", browser.text("fee"));
      browser.click("payForm:pay");
      browser.waitForText("confirmWhat", "5 000,00 ₽ + 75,00 ₽");
      assertTrue(browser.text("confirmWhat").contains(sellerName), browser.text("confirmWhat"));
      assertFalse(browser.present("payForm:pay"), "no second form beside the code step");
      browser.screenshots("code-step");
      assertTrue(
          browser.driver().findElements(By.id("codeForm:demoOutboxLink")).isEmpty(),
          "outside demo mode the code step links to no demo outbox");

      // 3. cancel: the form is back with what remains, the payment reads "cancelled"
      browser.click("codeForm:cancel");
      browser.waitForValue("payForm:amount", "10000,00");
      browser.waitForText("payments", "отменён");
      assertEquals("10 150,00 ₽", browser.text("total"));
      browser.screenshots("cancelled");

      // 4. a payment waiting for its code survives a reload; one another start replaced reads
      // "cancelled" in Russian, not "не прошёл (Replaced by a newer payment)"
      browser.type("payForm:amount", "5000" + Keys.TAB);
      browser.waitForText("total", "5 075,00 ₽");
      browser.click("payForm:pay");
      browser.waitForText("confirmWhat", "5 000,00 ₽");
      Api.Reply newer =
          buyer
              .api()
              .post(
                  "/api/v1/deals/" + dealId + "/payments",
                  "{\"accountId\":\"" + buyer.accountId() + "\",\"amount\":\"5000.00\"}");
      assertEquals(201, newer.status(), newer.body());
      browser.open("/cabinet/deal.xhtml?id=" + dealId);
      browser.waitForText("confirmWhat", "5 000,00 ₽ + 75,00 ₽");
      assertFalse(browser.present("payForm:pay"), "the reload resumed the code step");
      String payments = browser.text("payments");
      assertFalse(payments.contains("Replaced"), payments);
      assertFalse(payments.contains("не прошёл"), payments);
      assertEquals(2, payments.split("отменён", -1).length - 1, payments);
      browser.screenshots("resumed");

      browser.type(
          "codeForm:code",
          Market.codeFor(mail, buyer.email(), "payment-" + newer.json().getString("id")));
      // Hold the transfer in the bank's queue while the page says "being processed": with no
      // processing delay the page's poll could replace the note before the test looked.
      BankQueue.pause(management);
      try {
        browser.click("codeForm:confirm");
        browser.waitForText("Платёж обрабатывается");
        // 5. while the first part is processed the form already offers only the rest
        browser.waitForValue("payForm:amount", "5000,00");
        assertEquals("5 075,00 ₽", browser.text("total"));
        browser.screenshots("being-processed");
      } finally {
        BankQueue.resume(management);
      }

      browser.waitForText("paid", "5 000,00 ₽");
      browser.waitForText("dealStatus", "в процессе");
      assertEquals("5 000,00 ₽", browser.text("remaining"));
      assertEquals("5000,00", browser.value("payForm:amount"));
      assertEquals("5 075,00 ₽", browser.text("total"));
      browser.screenshots("in-progress");

      // 6. the rest, as prefilled: no typing
      browser.click("payForm:pay");
      browser.waitForText("confirmWhat", "5 000,00 ₽ + 75,00 ₽");
      browser.type(
          "codeForm:code",
          Market.codeFor(mail, buyer.email(), "payment-" + latestPayment(buyer).getString("id")));
      browser.click("codeForm:confirm");
      browser.waitForText("dealStatus", "завершена");
      // 7. closed: no form, no button, no countdown, without a reload
      browser.waitForAbsence("payForm:pay");
      browser.waitForAbsence("timeLeft");
      assertFalse(browser.present("codeForm:confirm"));
      assertEquals("0,00 ₽", browser.text("remaining"));
      browser.screenshots("completed");

      String paidAt = browser.text("payments");
      assertTrue(
          paidAt.matches(
              "(?s).*\\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \\d{4}, \\d\\d:\\d\\d.*"),
          paidAt);
      assertFalse(paidAt.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT.*"), "no raw instant: " + paidAt);

      browser.open("/cabinet/deals.xhtml");
      browser.waitForText("завершена");
      assertTrue(browser.text("purchases").contains("10 000,00 ₽"), browser.text("purchases"));
      browser.screenshots("my-deals");

      // the same values in English
      browser.open("/cabinet/deal.xhtml?id=" + dealId);
      browser.language("en");
      browser.waitForText("price", "₽10,000.00");
      assertEquals("₽10,000.00", browser.text("paid"));
      assertEquals("₽0.00", browser.text("remaining"));
      assertTrue(
          browser.text("dueAt").matches("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d"),
          browser.text("dueAt"));
      assertTrue(browser.text("payments").contains("₽5,075.00"), browser.text("payments"));
      assertTrue(browser.text("payments").contains("cancelled"), browser.text("payments"));
      browser.screenshots("completed-en");
    }
    assertEquals(new BigDecimal("9850.00"), Market.balance(buyer.accountNumber()));

    // the seller's side: the buyer by name, what the seller receives and when, no buyer's fees,
    // and never the commission
    String soldDeal = sellerDealId(seller);
    JsonObject adminDeal =
        Api.admin().get("/api/v1/admin/deals?max=50").array().stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .filter(d -> d.getJsonObject("deal").getString("id").equals(soldDeal))
            .findFirst()
            .orElseThrow();
    BigDecimal payout =
        new BigDecimal("10000.00").subtract(new BigDecimal(adminDeal.getString("commission")));
    try (Browser browser = new Browser("seller-deal")) {
      browser.signIn("/cabinet/deals.xhtml", seller.login(), seller.password());
      browser.open("/cabinet/deal.xhtml?id=" + soldDeal);
      browser.waitForText("dealStatus", "завершена");
      assertTrue(browser.text("buyer").startsWith("Client "), browser.text("buyer"));
      assertEquals(
          String.format(java.util.Locale.ROOT, "%,.2f ₽", payout)
              .replace(',', ' ')
              .replace('.', ','),
          browser.text("payoutAmount"));
      assertTrue(browser.text("payoutWhen").contains("выплач"), browser.text("payoutWhen"));
      assertFalse(browser.text("payments").contains("Сбор банка"), browser.text("payments"));
      String page = browser.driver().getPageSource().toLowerCase(java.util.Locale.ROOT);
      assertFalse(page.contains("commission"), "the seller's page mentions the commission");
      assertFalse(page.contains("комисси"), "the seller's page mentions the commission");
      browser.screenshots("seller-side");

      // "My offers": a sold offer is no longer said to be shown in the catalogue
      browser.open("/cabinet/offers.xhtml");
      browser.waitForText("listForm:offers", "продано");
      assertTrue(
          browser.text("listForm:offers").contains("не показывается"),
          browser.text("listForm:offers"));
      browser.screenshots("seller-offers");
    }

    try (Browser admin = new Browser("admin-deals")) {
      admin.signIn("/admin/deals.xhtml", "admin", Api.ADMIN_PASSWORD);
      admin.waitForText("dealsByStatus", "завершена");
      assertFalse(
          admin.driver().getPageSource().contains("<script>alert(1)</script>"),
          "the title is escaped");
      admin.screenshots("dashboard-and-deals");
      // point 3: no raw codes: the payout and the history are labels, the deal is a link
      String deals = admin.text("deals");
      assertTrue(
          deals.contains("выплачено продавцу") || deals.contains("выплачивается продавцу"), deals);
      assertFalse(deals.matches("(?s).*\\b(SETTLED|REVERSED|NONE|SETTLE_DUE)\\b.*"), deals);
      admin.open("/admin/payments.xhtml");
      admin.waitForText("проведён");
      admin.screenshots("payments");
      admin.click("payments:0:dealLink");
      admin.waitForText("dealsTitle", "Сделки");
      String history = admin.text("deals");
      assertTrue(history.contains("сделка открыта покупателем"), history);
      assertTrue(history.contains("платёж №"), history);
      assertFalse(history.contains("AWAITING_PAYMENT"), history);
      assertFalse(history.contains("IN_PROGRESS"), history);
      admin.screenshots("deal-history");
      admin.open("/admin/jobs.xhtml");
      admin.click("jobsForm:refundSweep");
      admin.waitForText("jobs", "Просроченные сделки и возвраты");
      admin.waitForText("jobs", "выполнено");
      admin.waitForText("jobs", "просрочено сделок:");
      assertFalse(admin.text("jobs").contains("COMPLETED"), admin.text("jobs"));
      assertFalse(admin.text("jobs").contains("expired"), admin.text("jobs"));
      admin.screenshots("jobs");
    }
  }

  @Test
  void theQuoteRefusesAnAmountAboveWhatRemains() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    String offer = Market.activeOffer(seller, "300.00", "PT1H", "0");
    Api.Reply deal = buyer.api().post("/api/v1/offers/" + offer + "/buy", "");
    assertEquals(201, deal.status(), deal.body());
    String quote =
        "/api/v1/deals/" + deal.json().getString("id") + "/quote?accountId=" + buyer.accountId();

    assertEquals(200, buyer.api().get(quote + "&amount=300.00").status());
    Api.Reply above = buyer.api().get(quote + "&amount=300.01");
    assertEquals(400, above.status(), above.body());
    assertTrue(
        above.header("Content-Type").startsWith("application/problem+json"),
        above.header("Content-Type"));
    assertEquals("amount", above.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertTrue(above.body().contains("300.00"), above.body());
  }

  private static String sellerDealId(Person seller) {
    return seller.api().get("/api/v1/me/sales").array().getJsonObject(0).getString("id");
  }

  private static JsonObject latestPayment(Person buyer) {
    var deals = buyer.api().get("/api/v1/me/deals").array();
    var payments = deals.getJsonObject(0).getJsonArray("payments");
    return payments.getJsonObject(payments.size() - 1);
  }
}

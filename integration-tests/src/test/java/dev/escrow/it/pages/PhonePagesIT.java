package dev.escrow.it.pages;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page on a phone (390 x 844), in Russian and in English: none may scroll sideways ({@code
 * document.documentElement.scrollWidth <= window.innerWidth}). Each page is also kept as a
 * screenshot at 390 and at 1280 px.
 */
class PhonePagesIT extends EarDeployment {

  private static Person seller;
  private static Person buyer;
  private static String dealId;

  @BeforeAll
  static void aDealToLookAt() {
    Market.settlementAccount();
    seller = Market.client(BANK_A, null);
    buyer = Market.client(BANK_A, "5000.00");
    String offer = Market.activeOffer(seller, "18500.50", "P20D", "0");
    Api.Reply deal = buyer.api().post("/api/v1/offers/" + offer + "/buy", "");
    assertEquals(201, deal.status(), deal.body());
    dealId = deal.json().getString("id");
  }

  @Test
  void noMarketplacePageScrollsSidewaysOnAPhoneInRussian() throws Exception {
    everyMarketplacePage("ru");
  }

  @Test
  void noMarketplacePageScrollsSidewaysOnAPhoneInEnglish() throws Exception {
    everyMarketplacePage("en");
  }

  @Test
  void noBackOfficePageScrollsSidewaysOnAPhoneInRussian() throws Exception {
    everyBackOfficePage("ru");
  }

  @Test
  void noBackOfficePageScrollsSidewaysOnAPhoneInEnglish() throws Exception {
    everyBackOfficePage("en");
  }

  private void everyBackOfficePage(String language) throws Exception {
    List<String> wide = new ArrayList<>();
    try (Browser browser = new Browser("phone-bank-" + language)) {
      browser.open("/bank/backoffice/index.xhtml");
      if (language.equals("en")) {
        browser.language("en");
        browser.open("/bank/backoffice/index.xhtml");
      }
      check(browser, "bank-login", language, wide);
      browser.type("j_username", "operator");
      browser.type("j_password", Api.OPERATOR_PASSWORD);
      browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
      new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
          .until(ExpectedConditions.presenceOfElementLocated(By.id("signout:out")));
      for (String page : List.of("index", "accounts", "fees", "outbox", "audit")) {
        browser.open("/bank/backoffice/" + page + ".xhtml");
        check(browser, "bank-" + page, language, wide);
      }
      browser.open("/bank/expired.xhtml");
      check(browser, "bank-expired", language, wide);
      if (language.equals("en")) {
        browser.language("ru");
      }
    }
    assertTrue(wide.isEmpty(), "back-office pages wider than 390 px in " + language + ": " + wide);
  }

  private void everyMarketplacePage(String language) throws Exception {
    List<String> wide = new ArrayList<>();
    try (Browser browser = new Browser("phone-" + language)) {
      browser.open("/index.xhtml");
      if (language.equals("en")) {
        browser.language("en");
      }
      check(browser, "home", language, wide);
      browser.open("/login.xhtml");
      check(browser, "login", language, wide);
      browser.open("/login.xhtml?error=true");
      check(browser, "login-failed", language, wide);
      browser.open("/no-such-page.xhtml");
      check(browser, "not-found", language, wide);

      browser.signIn("/admin/deals.xhtml", "admin", Api.ADMIN_PASSWORD);
      for (String page :
          List.of(
              "deals",
              "clients",
              "banks",
              "deal-statuses",
              "settings",
              "moderation",
              "payments",
              "jobs")) {
        browser.open("/admin/" + page + ".xhtml");
        check(browser, "admin-" + page, language, wide);
      }
      browser.open("/admin/deals.xhtml?deal=" + dealId);
      check(browser, "admin-deal", language, wide);
      browser.click("logout:out");
      browser.waitForAbsence("logout:out");

      browser.signIn("/cabinet/index.xhtml", buyer.login(), buyer.password());
      for (String page : List.of("index", "accounts", "offers", "catalogue", "deals")) {
        browser.open("/cabinet/" + page + ".xhtml");
        check(browser, "cabinet-" + page, language, wide);
      }
      browser.open("/cabinet/deal.xhtml?id=" + dealId);
      browser.waitForText("payForm:pay", language.equals("ru") ? "Оплатить" : "Pay");
      check(browser, "cabinet-deal", language, wide);
      browser.click("logout:out");
      browser.waitForAbsence("logout:out");

      browser.signIn("/cabinet/deals.xhtml", seller.login(), seller.password());
      browser.open("/cabinet/deal.xhtml?id=" + dealId);
      check(browser, "cabinet-deal-seller", language, wide);
    }
    assertTrue(wide.isEmpty(), "pages wider than 390 px in " + language + ": " + wide);
  }

  /** At 390 x 844: the page's own width; then both screenshots. */
  private static void check(Browser browser, String name, String language, List<String> wide) {
    browser.size(390, 844);
    if (language != null) {
      Object lang =
          ((JavascriptExecutor) browser.driver())
              .executeScript("return document.documentElement.lang");
      assertEquals(language, lang, name + " is in " + language);
    }
    Object emptyCards =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return [...document.querySelectorAll('.card')]"
                    + ".filter(c => c.innerText.trim() === '').length;");
    assertEquals(0L, ((Number) emptyCards).longValue(), name + " has an empty card box");
    long overflow = browser.sidewaysOverflow();
    if (overflow > 0) {
      wide.add(name + " (+" + overflow + " px)");
    }
    browser.screenshot(name + "-390");
    browser.size(1280, 1000);
    browser.screenshot(name + "-1280");
  }
}

package dev.escrow.it.pages;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person sees first: the administrator lands on the dashboard and a client on the catalogue,
 * the sign-in button looks like every other button and uses the page's one font, and the language
 * chosen survives signing out.
 */
class FirstImpressionIT extends EarDeployment {

  @Test
  void theAdministratorLandsOnTheDashboardAndAClientOnTheCatalogue() throws Exception {
    Person client = Market.client(BANK_A, null);
    try (Browser browser = new Browser("landing")) {
      signInFromTheLoginPage(browser, "admin", Api.ADMIN_PASSWORD);
      waitForPath(browser, "/admin/deals.xhtml");
      browser.waitForText("dealsByStatus", "");
      browser.screenshots("admin-landing");
      browser.click("logout:out");
      browser.waitForAbsence("logout:out");

      signInFromTheLoginPage(browser, client.login(), client.password());
      waitForPath(browser, "/cabinet/catalogue.xhtml");
      browser.screenshots("client-landing");
    }
  }

  @Test
  void theSignInButtonIsStyledInThePagesFont() throws Exception {
    try (Browser browser = new Browser("login-look")) {
      browser.open("/login.xhtml");
      String bodyFont = style(browser, "body", "fontFamily");
      assertEquals(bodyFont, style(browser, "#loginButton", "fontFamily"), "one font");
      assertEquals(bodyFont, style(browser, "#j_username", "fontFamily"), "one font");
      String background = style(browser, "#loginButton", "backgroundColor");
      assertNotEquals("rgb(239, 239, 239)", background, "not the browser's default button");
      browser.screenshots("login");
      Person client = Market.client(BANK_A, null);
      browser.signIn("/cabinet/catalogue.xhtml", client.login(), client.password());
      assertEquals(bodyFont, style(browser, "body", "fontFamily"));
      assertEquals(
          background,
          style(browser, "[id='catalogueForm:search']", "backgroundColor"),
          "the sign-in button is the theme's button");
      assertEquals(bodyFont, style(browser, "[id='catalogueForm:search']", "fontFamily"));
    }
  }

  @Test
  void theLanguageChoiceSurvivesSigningOut() throws Exception {
    Person client = Market.client(BANK_A, null);
    try (Browser browser = new Browser("language")) {
      browser.signIn("/cabinet/catalogue.xhtml", client.login(), client.password());
      browser.language("en");
      browser.click("logout:out");
      browser.waitForAbsence("logout:out");
      assertEquals("en", lang(browser), "after signing out");
      browser.open("/login.xhtml");
      assertEquals("en", lang(browser), "the sign-in page of a new session");
      assertTrue(browser.text("loginButton").contains("Sign in"), browser.text("loginButton"));
      browser.screenshots("login-en-after-sign-out");
    }
  }

  private static void signInFromTheLoginPage(Browser browser, String login, String password) {
    browser.open("/login.xhtml");
    browser.type("j_username", login);
    browser.type("j_password", password);
    browser.click("loginButton");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.id("logout:out")).isEmpty());
  }

  private static void waitForPath(Browser browser, String path) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> d.getCurrentUrl().contains(path));
  }

  private static String lang(Browser browser) {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.lang");
  }

  private static String style(Browser browser, String selector, String property) {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]];",
                selector,
                property);
  }
}

package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (headless Chromium): the administrator creates a client and a bank,
 * the client binds an account and submits an offer, the administrator approves it, and another
 * client finds it in the catalogue. Each page visited is saved as a PNG screenshot.
 */
class MarketplacePagesIT extends EarDeployment {

  private Browser browser;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = new Browser("market");
    driver = browser.driver();
    wait = new WebDriverWait(driver, dev.escrow.it.support.Market.PATIENCE);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  private void open(String path) {
    browser.open(path);
  }

  private void screenshot(String name) {
    browser.screenshot(name);
  }

  private void signIn(String securedPath, String login, String password) {
    browser.signIn(securedPath, login, password);
  }

  private void signOut() {
    driver.findElement(By.id("logout:out")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("logout:out")));
  }

  private void type(String id, String text) {
    browser.type(id, text);
  }

  private void click(String id) {
    browser.click(id);
  }

  private void waitForText(String text) {
    browser.waitForText(text);
  }

  private void assertNoCommission() {
    String page = driver.getPageSource().toLowerCase(Locale.ROOT);
    assertFalse(page.contains("commission"), driver.getCurrentUrl() + " mentions the commission");
    assertFalse(page.contains("комисси"), driver.getCurrentUrl() + " mentions the commission");
  }

  @Test
  void administratorAndClientsWalkThroughThePages() throws IOException {
    String seller = Api.unique("seller");
    String buyer = Api.unique("buyer");
    String title = "Лампа " + Api.unique("x").substring(2);

    // The administrator: clients, banks, deal statuses, settings, placeholders.
    signIn("/admin/clients.xhtml", "admin", Api.ADMIN_PASSWORD);
    for (String login : new String[] {seller, buyer}) {
      type("clientForm:fullName", "Ф.И.О. " + login);
      type("clientForm:login", login);
      type("clientForm:password", Market.PASSWORD);
      click("clientForm:create");
      waitForText(login + ")");
    }
    type("clientForm:login", "x");
    click("clientForm:create");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#clientForm .ui-message-error")));
    screenshot("admin-clients");

    open("/admin/banks.xhtml");
    Set<String> registered =
        Api.admin().get("/api/v1/banks").array().stream()
            .map(b -> b.asJsonObject().getString("requisite"))
            .collect(Collectors.toSet());
    String requisite =
        Market.bankServiceRequisites().stream()
            .filter(r -> !registered.contains(r))
            .findFirst()
            .orElse(null);
    if (requisite != null) {
      type("bankForm:name", "Банк " + requisite);
      type("bankForm:requisite", requisite);
      click("bankForm:create");
      waitForText("Банк " + requisite);
    }
    type("bankForm:name", "Unknown bank");
    type("bankForm:requisite", "000000001");
    click("bankForm:create");
    waitForText("Банк-клиент не знает такого реквизита");
    screenshot("admin-banks");
    String bankName = Api.admin().get("/api/v1/banks").array().getJsonObject(0).getString("name");

    open("/admin/deal-statuses.xhtml");
    String statusName = "На проверке " + Api.unique("s").substring(2);
    type("addForm:newName", statusName);
    click("addForm:add");
    waitForText("NA_PROVERKE_");
    screenshot("admin-deal-statuses");

    open("/admin/settings.xhtml");
    // The default as it is now (another test may have changed it), not an assumed 5.00.
    waitForText(
        Api.admin().get("/api/v1/admin/settings").json().getString("defaultCommissionPercent"));
    type("commissionForm:percent", "5");
    driver.findElement(By.cssSelector("#commissionForm\\:applyAll .ui-chkbox-box")).click();
    click("commissionForm:saveCommission");
    waitForText("Изменено предложений: ");
    screenshot("admin-settings");

    for (String page : new String[] {"deals", "payments", "jobs"}) {
      open("/admin/" + page + ".xhtml");
      screenshot("admin-" + page);
    }
    signOut();

    // The seller: profile, accounts, offers.
    signIn("/cabinet/index.xhtml", seller, Market.PASSWORD);
    waitForText(seller);
    assertNoCommission();
    screenshot("cabinet-profile");

    open("/cabinet/accounts.xhtml");
    String number = AccountBindingWithBankIT.tryOpenAccountAtTheBank(firstBankRequisite());
    type("accountForm:number", number != null ? number : "999ABCDEF0123");
    new Select(driver.findElement(By.id("accountForm:bank"))).selectByIndex(1);
    click("accountForm:bind");
    if (number != null) {
      waitForText("привязан");
    } else {
      // The bank's partner endpoint is not deployed here: the page says the bank did not confirm.
      waitForText("Банк не подтвердил");
    }
    assertNoCommission();
    screenshot("cabinet-accounts");

    open("/cabinet/offers.xhtml");
    type("offerForm:title", title);
    type("offerForm:description", "Настольная лампа, почти новая.\nС абажуром.");
    type("offerForm:price", "2500,5");
    type("offerForm:windowAmount", "3");
    new Select(driver.findElement(By.id("offerForm:windowUnit"))).selectByValue("DAYS");
    click("offerForm:save");
    waitForText("отправлено на модерацию");
    browser.waitForText("listForm:offers", "2 500,50 ₽");
    assertTrue(driver.getPageSource().contains("на модерации"));
    assertNoCommission();
    screenshot("cabinet-offers");
    signOut();

    // The administrator approves it with the prefilled default commission.
    signIn("/admin/moderation.xhtml", "admin", Api.ADMIN_PASSWORD);
    waitForText(title);
    screenshot("admin-moderation");
    WebElement row =
        driver.findElement(
            By.xpath("//tr[.//div[@class='offer-title' and text()='" + title + "']]"));
    WebElement commission = row.findElement(By.cssSelector("input[id$=':commission']"));
    assertEquals(
        Api.admin().get("/api/v1/admin/settings").json().getString("defaultCommissionPercent"),
        commission.getAttribute("value"));
    row.findElement(By.cssSelector("button[id$=':approve']")).click();
    waitForText("одобрено");
    signOut();

    // Another client finds it in the catalogue.
    signIn("/cabinet/catalogue.xhtml", buyer, Market.PASSWORD);
    type("catalogueForm:query", title.substring(6));
    click("catalogueForm:search");
    wait.until(
        d ->
            d.findElements(By.cssSelector("#catalogueForm\\:offers tbody tr")).size() == 1
                && d.getPageSource().contains(title));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("catalogueForm:search")));
    assertTrue(driver.findElement(By.cssSelector("button[id$=':buy']")).isDisplayed());
    assertNoCommission();
    screenshot("cabinet-catalogue");

    open("/admin/clients.xhtml");
    assertFalse(driver.getPageSource().contains("clientForm"), "a client may not open admin pages");
    open("/cabinet/catalogue.xhtml");
    click("lang:en");
    waitForText("Catalogue");
    screenshot("cabinet-catalogue-en");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    open("/cabinet/offers.xhtml");
    screenshot("cabinet-offers-phone");
    assertTrue(driver.getPageSource().contains(title) || bankName != null);
  }

  private static String firstBankRequisite() {
    return Api.admin().get("/api/v1/banks").array().stream()
        .map(JsonValue::asJsonObject)
        .map(b -> b.getString("requisite"))
        .findFirst()
        .orElseThrow();
  }
}

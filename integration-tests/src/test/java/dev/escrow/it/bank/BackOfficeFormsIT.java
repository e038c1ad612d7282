package dev.escrow.it.bank;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The bank's back office in a browser, in Russian (the default) and English: a refused field is
 * named next to that field in the page's language (not in a list above the page), a deposit typed
 * the Russian way ("250,00") shows at once in the account list, and the fee schedule names banks.
 */
class BackOfficeFormsIT extends EarDeployment {

  private static void signIn(Browser browser) {
    browser.open("/bank/backoffice/index.xhtml");
    browser.type("j_username", "operator");
    browser.type("j_password", Api.OPERATOR_PASSWORD);
    browser.click("signIn");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("signout:out")));
  }

  private static void registerWithBadFields(Browser browser) {
    browser.type("customers:fullName", "");
    browser.type("customers:email", "not-an-address");
    browser.type("customers:phone", "call me");
    browser.click("customers:register");
  }

  @Test
  void fieldErrorsStandNextToTheirFieldsInRussianAndEnglish() throws Exception {
    try (Browser browser = new Browser("backoffice")) {
      signIn(browser);
      assertEquals("ru", browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
      assertTrue(browser.text("customers").contains("Зарегистрировать клиента"));

      registerWithBadFields(browser);
      browser.waitForText("customers:fullNameMessage", "Ф.И.О. не может быть пустым");
      assertEquals(
          "E-mail должен быть адресом электронной почты", browser.text("customers:emailMessage"));
      assertTrue(
          browser.text("customers:phoneMessage").startsWith("Телефон должен быть номером"),
          browser.text("customers:phoneMessage"));
      assertFalse(browser.driver().getPageSource().contains("fullName:"), "not above the page");
      assertTrue(browser.present("messages"), "the page's own message area is there");
      assertFalse(
          browser.text("messages").contains("Ф.И.О."), "the field's error is not above the page");
      browser.screenshots("field-errors-ru");

      browser.language("en");
      assertTrue(browser.text("customers").contains("Register a customer"));
      registerWithBadFields(browser);
      browser.waitForText("customers:fullNameMessage", "Full name must not be blank");
      assertEquals(
          "Email must be a well-formed email address", browser.text("customers:emailMessage"));
      assertTrue(
          browser.text("customers:phoneMessage").startsWith("Phone must be a phone number"),
          browser.text("customers:phoneMessage"));
      browser.screenshots("field-errors-en");
      browser.language("ru");
    }
  }

  @Test
  void aDepositShowsInTheListAndTheFeeScheduleNamesBanks() throws Exception {
    Market.Person client = Market.client(BANK_A, null);
    try (Browser browser = new Browser("backoffice-money")) {
      signIn(browser);
      browser.open("/bank/backoffice/accounts.xhtml");
      browser.type("accounts:number", client.accountNumber());
      browser.click("accounts:find");
      browser.waitForText("accounts:found", client.accountNumber());
      browser.type("accounts:amount", "абв");
      browser.click("accounts:deposit");
      browser.waitForText("accounts:amountMessage", "должно быть числом");
      browser.type("accounts:amount", "0");
      browser.click("accounts:deposit");
      browser.waitForText("accounts:amountMessage", "Сумма должно быть не меньше 0,01");
      browser.type("accounts:amount", "250,00");
      browser.click("accounts:deposit");
      browser.waitForText("accounts:found", "250.00");
      browser.waitForText("balance", "250.00");
      browser.screenshots("deposit");

      browser.open("/bank/backoffice/fees.xhtml");
      String names = browser.text("fees:rates");
      assertTrue(names.matches("(?s).*[А-Яа-я]{3,}.*"), "bank names, not only codes: " + names);
      browser.screenshots("fees");
      for (String page : new String[] {"index", "outbox", "audit"}) {
        browser.open("/bank/backoffice/" + page + ".xhtml");
        browser.screenshots(page);
      }
    }
  }
}

package dev.escrow.it.bank;

import static dev.escrow.it.support.Market.BANK_A;
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
 * The bank's back office in a browser: a refused field is named next to that field (not in a list
 * above the page), a deposit shows at once in the account list, and the fee schedule names banks.
 */
class BackOfficeFormsIT extends EarDeployment {

  @Test
  void fieldErrorsStandNextToTheirFieldsAndADepositShowsInTheList() throws Exception {
    try (Browser browser = new Browser("backoffice")) {
      browser.open("/bank/backoffice/index.xhtml");
      browser.type("j_username", "operator");
      browser.type("j_password", Api.OPERATOR_PASSWORD);
      browser.click("signIn");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(ExpectedConditions.presenceOfElementLocated(By.id("signout:out")));

      browser.type("customers:fullName", "");
      browser.type("customers:email", "not-an-address");
      browser.click("customers:register");
      browser.waitForText("customers:fullNameMessage", "Full name");
      assertTrue(browser.text("customers:fullNameMessage").contains("must not be blank"));
      assertTrue(
          browser.text("customers:emailMessage").startsWith("Email"),
          browser.text("customers:emailMessage"));
      assertFalse(browser.driver().getPageSource().contains("fullName:"), "not above the page");
      browser.screenshots("field-errors");

      Market.Person client = Market.client(BANK_A, null);
      browser.open("/bank/backoffice/accounts.xhtml");
      browser.type("accounts:number", client.accountNumber());
      browser.click("accounts:find");
      browser.waitForText("accounts:found", client.accountNumber());
      browser.type("accounts:amount", "250.00");
      browser.click("accounts:deposit");
      browser.waitForText("accounts:found", "250.00");
      browser.waitForText("balance", "250.00");
      browser.screenshots("deposit");

      browser.open("/bank/backoffice/fees.xhtml");
      String names = browser.text("fees:rates");
      assertTrue(names.matches("(?s).*[А-Яа-я]{3,}.*"), "bank names, not only codes: " + names);
      browser.screenshots("fees");
    }
  }
}

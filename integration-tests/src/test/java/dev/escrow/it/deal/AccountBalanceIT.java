package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client sees an account's balance only after the code the bank mails to the holder, once. */
class AccountBalanceIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  @Test
  void theBalanceIsShownAfterTheCodeAndOnlyOnce() {
    Person client = Market.client(BANK_A, "123.45");
    String path = "/api/v1/me/accounts/" + client.accountId();
    Api.Reply sent = client.api().post(path + "/balance-code", "");
    assertEquals(201, sent.status(), sent.body());
    String authorization = sent.json().getString("authorizationId");

    Api.Reply wrong =
        client
            .api()
            .post(
                path + "/balance",
                "{\"authorizationId\":\"" + authorization + "\",\"code\":\"000000\"}");
    assertEquals(400, wrong.status(), wrong.body());
    assertEquals(4, wrong.json().getInt("attemptsLeft"));

    String code = Market.codeFor(mail, client.email(), "balance of " + client.accountNumber());
    Api.Reply shown =
        client
            .api()
            .post(
                path + "/balance",
                "{\"authorizationId\":\"" + authorization + "\",\"code\":\"" + code + "\"}");
    assertEquals(200, shown.status(), shown.body());
    assertEquals("123.45", shown.json().getString("balance"));
    assertEquals("0.00", shown.json().getString("held"));

    Api.Reply again =
        client
            .api()
            .post(
                path + "/balance",
                "{\"authorizationId\":\"" + authorization + "\",\"code\":\"" + code + "\"}");
    assertEquals(409, again.status(), again.body());
  }

  @Test
  void anotherClientsAccountIsNotFound() {
    Person owner = Market.client(BANK_A, null);
    Person other = Market.client(BANK_A, null);
    assertEquals(
        404,
        other
            .api()
            .post("/api/v1/me/accounts/" + owner.accountId() + "/balance-code", "")
            .status());
  }

  @Test
  void theCabinetShowsTheBalanceAfterTheCode() throws Exception {
    Person client = Market.client(BANK_A, "77.70");
    try (Browser browser = new Browser("balance")) {
      browser.signIn("/cabinet/accounts.xhtml", client.login(), client.password());
      browser.click("accounts:0:balanceRequest:showBalance");
      browser.waitForText("balanceSentTo", "***");
      browser.type(
          "balanceForm:code",
          Market.codeFor(mail, client.email(), "balance of " + client.accountNumber()));
      browser.click("balanceForm:confirm");
      browser.waitForText("balanceValue", "77,70 ₽");
      browser.screenshot("account-balance");
    }
  }
}

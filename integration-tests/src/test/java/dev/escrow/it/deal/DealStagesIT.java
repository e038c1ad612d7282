package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The deal statuses the administrator keeps change what people see: a renamed system status reads
 * as written on every page, an added one is given to a deal by the administrator (page and API), is
 * recorded in its history and seen by buyer and seller, never changes the money, and cannot be
 * removed while a deal has or had it.
 */
class DealStagesIT extends EarDeployment {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  @BeforeAll
  static void theMarketplaceHasASettlementAccount() {
    Market.settlementAccount();
  }

  private static JsonObject addStatus(String name) {
    Api.Reply added =
        Api.admin().post("/api/v1/admin/deal-statuses", "{\"name\":\"" + name + "\"}");
    assertEquals(201, added.status(), added.body());
    return added.json();
  }

  private static Api.Reply move(Api api, String deal, String code) {
    return api.put("/api/v1/admin/deals/" + deal + "/status", "{\"code\":\"" + code + "\"}");
  }

  private static JsonObject statusByCode(String code) {
    return Api.admin().get("/api/v1/admin/deal-statuses").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> s.getString("code").equals(code))
        .findFirst()
        .orElseThrow();
  }

  private static void assertProblem(int status, Api.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(
        reply.header("Content-Type").startsWith("application/problem+json"),
        reply.header("Content-Type"));
  }

  @Test
  void theAdministratorMovesADealToAnAddedStatusThroughTheApiAndItCannotBeRemovedThen() {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "100.00", "PT1H", "5"));
    String name = "Собрано " + Api.unique("s").substring(2);
    JsonObject added = addStatus(name);
    String code = added.getString("code");

    // never to a system status by hand, never to one that is not in the list, never by a client
    assertProblem(409, move(Api.admin(), deal, "COMPLETED"));
    Api.Reply unknown = move(Api.admin(), deal, "NO_SUCH_STATUS_X");
    assertProblem(400, unknown);
    assertEquals(
        "code",
        unknown.json().getJsonArray("errors").getJsonObject(0).getString("field"),
        unknown.body());
    assertProblem(400, Api.admin().put("/api/v1/admin/deals/" + deal + "/status", "{}"));
    assertEquals(403, move(buyer.api(), deal, code).status());
    assertProblem(404, move(Api.admin(), "987654321", code));

    Api.Reply moved = move(Api.admin(), deal, code);
    assertEquals(200, moved.status(), moved.body());
    JsonObject view = moved.json().getJsonObject("deal");
    assertEquals("AWAITING_PAYMENT", view.getJsonObject("status").getString("code"));
    assertEquals(code, view.getJsonObject("stage").getString("code"));
    assertEquals(name, view.getJsonObject("stage").getString("name"));
    List<JsonObject> history = moved.json().getJsonArray("history").getValuesAs(JsonObject.class);
    JsonObject last = history.get(history.size() - 1);
    assertEquals("AWAITING_PAYMENT", last.getString("from"));
    assertEquals(code, last.getString("to"));
    assertEquals("admin", last.getString("by"));
    assertFalse(last.getString("at").isBlank());
    assertProblem(409, move(Api.admin(), deal, code));

    // the buyer and the seller see it, with the history, and still no commission
    for (Person party : List.of(buyer, seller)) {
      Api.Reply seen = party.api().get("/api/v1/deals/" + deal);
      assertEquals(200, seen.status(), seen.body());
      assertEquals(name, seen.json().getJsonObject("stage").getString("name"));
      assertTrue(
          seen.json().getJsonArray("history").getValuesAs(JsonObject.class).stream()
              .anyMatch(c -> c.getString("to").equals(code) && c.getString("by").equals("admin")),
          seen.body());
      assertFalse(seen.body().toLowerCase().contains("commission"), seen.body());
    }

    // a label, not money: the deal still takes its payment, and paid in full replaces the label
    PaymentFlowIT.pay(mail, buyer, deal, "100.00");
    JsonObject completed = PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    assertNull(completed.get("stage"), completed.toString());
    List<JsonObject> after = completed.getJsonArray("history").getValuesAs(JsonObject.class);
    assertEquals(code, after.get(after.size() - 1).getString("from"), completed.toString());
    assertEquals("COMPLETED", after.get(after.size() - 1).getString("to"));

    // in use (the history names it): 409, and the status stays
    Api.Reply removed =
        Api.admin()
            .send("DELETE", "/api/v1/admin/deal-statuses/" + added.getString("id"), null, Map.of());
    assertProblem(409, removed);
    assertEquals(name, statusByCode(code).getString("name"));

    JsonObject unused = addStatus("Не нужен " + Api.unique("u").substring(2));
    assertEquals(
        204,
        Api.admin()
            .send("DELETE", "/api/v1/admin/deal-statuses/" + unused.getString("id"), null, Map.of())
            .status());
  }

  @Test
  void aRenamedAndAnAddedStatusAreWhatBuyerAndSellerReadInBothLanguages() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "1000.00");
    String deal = PaymentFlowIT.buy(buyer, Market.activeOffer(seller, "50.00", "PT1H", "5"));
    PaymentFlowIT.pay(mail, buyer, deal, "50.00");
    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");

    String suffix = Api.unique("r").substring(2);
    String closed = "Сделка закрыта " + suffix;
    String delivered = "Доставлено " + suffix;
    JsonObject completedStatus = statusByCode("COMPLETED");
    String completedName = completedStatus.getString("name");
    String completedId = completedStatus.getString("id");
    JsonObject added = addStatus(delivered);
    try {
      Api.Reply renamed =
          Api.admin()
              .put("/api/v1/admin/deal-statuses/" + completedId, "{\"name\":\"" + closed + "\"}");
      assertEquals(200, renamed.status(), renamed.body());

      // the administrator gives the deal the added status on the deal's admin page
      try (Browser admin = new Browser("stages-admin")) {
        admin.signIn("/admin/deals.xhtml?deal=" + deal, "admin", Api.ADMIN_PASSWORD);
        admin.waitForText("deals", closed);
        new Select(admin.driver().findElement(By.id("moveForm:moveTo")))
            .selectByVisibleText(delivered);
        admin.screenshots("move-form");
        admin.click("moveForm:move");
        admin.waitForText("deals", delivered + " (" + closed + ")");
        admin.waitForText("deals", "admin");
        admin.screenshots("moved");

        // the page refuses to remove it now, with a message, and keeps it
        admin.open("/admin/deal-statuses.xhtml");
        admin
            .driver()
            .findElement(
                By.xpath(
                    "//tr[td[contains(normalize-space(.),'"
                        + added.getString("code")
                        + "')]]//button[contains(@id,'remove')]"))
            .click();
        admin.waitForText("Статус «" + delivered + "» есть или был у сделки");
        admin.screenshots("remove-refused");
        assertEquals(delivered, statusByCode(added.getString("code")).getString("name"));
      }

      for (Person party : List.of(buyer, seller)) {
        try (Browser browser = new Browser("stages-" + (party == buyer ? "buyer" : "seller"))) {
          browser.signIn("/cabinet/deal.xhtml?id=" + deal, party.login(), party.password());
          browser.waitForText("dealStatus", delivered + " (" + closed + ")");
          browser.waitForText("historyList", delivered);
          browser.waitForText("historyList", "admin");
          assertFalse(browser.present("payForm:pay"), "a completed deal has nothing to pay");
          browser.screenshots("deal-ru");
          // in English the administrator's names read as they were written
          browser.language("en");
          browser.waitForText("dealStatus", delivered + " (" + closed + ")");
          browser.waitForText("historyList", "set by the administrator");
          browser.screenshots("deal-en");
          browser.open("/cabinet/deals.xhtml");
          browser.waitForText(delivered + " (" + closed + ")");
          browser.screenshots("deals-en");
          String text = browser.driver().findElement(By.tagName("body")).getText().toLowerCase();
          assertFalse(
              text.contains("commission") || text.contains("комисси"),
              "no commission on a client's page");
        }
      }
    } finally {
      Api.admin()
          .put(
              "/api/v1/admin/deal-statuses/" + completedId, "{\"name\":\"" + completedName + "\"}");
    }
  }
}

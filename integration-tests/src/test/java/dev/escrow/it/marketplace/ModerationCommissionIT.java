package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every offer carries its commission from creation (the default at that moment): the moderation
 * list and page show it, approval keeps or changes it, "apply to all offers" reaches pending
 * offers.
 */
class ModerationCommissionIT extends EarDeployment {

  private static String defaultPercent() {
    return Api.admin().get("/api/v1/admin/settings").json().getString("defaultCommissionPercent");
  }

  private static void setDefault(String percent, boolean applyToAll) {
    Api.Reply changed =
        Api.admin()
            .put(
                "/api/v1/admin/settings/commission",
                "{\"defaultCommissionPercent\":\""
                    + percent
                    + "\",\"applyToAllOffers\":"
                    + applyToAll
                    + "}");
    assertEquals(200, changed.status(), changed.body());
  }

  /** commissionPercent of each pending offer, by id, as GET /admin/offers?status=... lists it. */
  private static Map<String, String> pendingCommissions() {
    Api.Reply list = Api.admin().get("/api/v1/admin/offers?status=PENDING_MODERATION");
    assertEquals(200, list.status(), list.body());
    return list.array().stream()
        .map(JsonValue::asJsonObject)
        .collect(
            Collectors.toMap(
                o -> o.getString("id"), o -> o.getString("commissionPercent", "(none)")));
  }

  @Test
  void aPendingOfferCarriesTheDefaultAtItsCreationInTheListAndThePage() throws Exception {
    String before = defaultPercent();
    Market.Client seller = Market.newClient("Commission Seller");
    String title = Api.unique("Старый процент");
    JsonObject early = Market.newOffer(seller, title);
    try {
      assertEquals(before, pendingCommissions().get(early.getString("id")));

      // A new default without "apply to all": the pending offer keeps the percent it was created
      // with, a later offer carries the new one.
      setDefault("6.25", false);
      String laterTitle = Api.unique("Новый процент");
      JsonObject later = Market.newOffer(seller, laterTitle);
      Map<String, String> pending = pendingCommissions();
      assertEquals(before, pending.get(early.getString("id")));
      assertEquals("6.25", pending.get(later.getString("id")));
      Api.Reply one = Api.admin().get("/api/v1/admin/offers/" + later.getString("id"));
      assertEquals("6.25", one.json().getString("commissionPercent"), one.body());

      // The moderation page prefills each row with the offer's own percent.
      try (Browser browser = new Browser("moderation")) {
        browser.signIn("/admin/moderation.xhtml", "admin", Api.ADMIN_PASSWORD);
        browser.waitForText(laterTitle);
        browser.screenshot("moderation-commission");
        assertEquals(before, commissionInput(browser, title).getAttribute("value"));
        assertEquals("6.25", commissionInput(browser, laterTitle).getAttribute("value"));
      }

      // Approval without a percent keeps the offer's; with one, changes it.
      Api.Reply kept =
          Api.admin().post("/api/v1/admin/offers/" + early.getString("id") + "/approve", "{}");
      assertEquals(200, kept.status(), kept.body());
      assertEquals(before, kept.json().getString("commissionPercent"));
      Api.Reply changed =
          Api.admin()
              .post(
                  "/api/v1/admin/offers/" + later.getString("id") + "/approve",
                  "{\"commissionPercent\":\"2.5\"}");
      assertEquals(200, changed.status(), changed.body());
      assertEquals("2.50", changed.json().getString("commissionPercent"));
      assertEquals("ACTIVE", changed.json().getString("status"));
    } finally {
      setDefault(before, false);
    }
  }

  @Test
  void applyingTheDefaultToAllOffersReachesPendingOffers() {
    String before = defaultPercent();
    Market.Client seller = Market.newClient("Pending Seller");
    JsonObject pendingOffer = Market.newOffer(seller, Api.unique("Ждёт модерации"));
    JsonObject activeOffer = Market.activeOffer(seller, Api.unique("Уже в каталоге"));
    try {
      setDefault("4.75", true);
      assertEquals("4.75", pendingCommissions().get(pendingOffer.getString("id")));
      assertEquals(
          "4.75",
          Api.admin()
              .get("/api/v1/admin/offers/" + activeOffer.getString("id"))
              .json()
              .getString("commissionPercent"));
      // Approved later without a percent: at what "apply to all" set.
      Api.Reply approved =
          Api.admin()
              .post("/api/v1/admin/offers/" + pendingOffer.getString("id") + "/approve", null);
      assertEquals(200, approved.status(), approved.body());
      assertEquals("4.75", approved.json().getString("commissionPercent"));
    } finally {
      setDefault(before, false);
    }
  }

  private static WebElement commissionInput(Browser browser, String title) {
    WebElement row =
        browser
            .driver()
            .findElement(By.xpath("//tr[.//div[@class='offer-title' and text()='" + title + "']]"));
    WebElement input = row.findElement(By.cssSelector("input[id$=':commission']"));
    assertNotNull(input);
    return input;
  }
}

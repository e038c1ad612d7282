package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The marketplace's settings: default commission (applied to every offer on demand). */
class SettingsIT extends EarDeployment {

  @Test
  void settingsShowTheDefaultCommissionAsATwoDecimalString() {
    Api.Reply settings = Api.admin().get("/api/v1/admin/settings");
    assertEquals(200, settings.status(), settings.body());
    assertTrue(
        settings.json().getString("defaultCommissionPercent").matches("\\d{1,3}\\.\\d{2}"),
        settings.body());
    assertTrue(settings.json().containsKey("settlementAccount"), settings.body());
  }

  @Test
  void applyingTheDefaultToAllOffersChangesEveryOfferAndCountsThem() {
    Market.Client seller = Market.newClient("Bulk Seller");
    for (int i = 0; i < 50; i++) {
      if (i % 2 == 0) {
        Market.activeOffer(seller, "Bulk offer " + i);
      } else {
        Market.newOffer(seller, "Bulk offer " + i);
      }
    }
    int total = Api.admin().get("/api/v1/admin/offers").array().size();
    assertTrue(total >= 50);

    Api.Reply changed =
        Api.admin()
            .put(
                "/api/v1/admin/settings/commission",
                "{\"defaultCommissionPercent\":\"7.5\",\"applyToAllOffers\":true}");
    assertEquals(200, changed.status(), changed.body());
    assertEquals("7.50", changed.json().getString("defaultCommissionPercent"));
    assertEquals(total, changed.json().getInt("offersUpdated"));
    assertTrue(
        Api.admin().get("/api/v1/admin/offers").array().stream()
            .map(JsonValue::asJsonObject)
            .allMatch(o -> "7.50".equals(o.getString("commissionPercent", null))));
    assertEquals(
        "7.50",
        Api.admin().get("/api/v1/admin/settings").json().getString("defaultCommissionPercent"));

    // Only the default: offers keep theirs.
    Api.Reply defaultOnly =
        Api.admin()
            .put(
                "/api/v1/admin/settings/commission",
                "{\"defaultCommissionPercent\":5,\"applyToAllOffers\":false}");
    assertEquals(200, defaultOnly.status(), defaultOnly.body());
    assertEquals(0, defaultOnly.json().getInt("offersUpdated"));
    assertEquals("5.00", defaultOnly.json().getString("defaultCommissionPercent"));
    JsonObject approvedLater = Market.activeOffer(seller, "Approved at the new default");
    assertEquals("5.00", approvedLater.getString("commissionPercent"));
  }

  @Test
  void aPercentOutsideTheRulesAnswers400() {
    for (String bad : new String[] {"\"101\"", "-1", "\"5.555\"", "\"abc\"", "null", "true"}) {
      Api.Reply refused =
          Api.admin()
              .put(
                  "/api/v1/admin/settings/commission",
                  "{\"defaultCommissionPercent\":" + bad + ",\"applyToAllOffers\":true}");
      assertEquals(400, refused.status(), bad + " -> " + refused.body());
    }
    Api.Reply fieldNamed =
        Api.admin()
            .put("/api/v1/admin/settings/commission", "{\"defaultCommissionPercent\":\"101\"}");
    assertEquals("defaultCommissionPercent", Market.fields(fieldNamed).get(0));
  }

  @Test
  void aSettlementAccountTheBankDoesNotHoldAnswers400() {
    JsonObject bank = Market.registeredBank();
    Api.Reply refused =
        Api.admin()
            .put(
                "/api/v1/admin/settings/settlement-account",
                "{\"number\":\"999FFFFFFFFFF\",\"bankId\":\"" + bank.getString("id") + "\"}");
    assertEquals(400, refused.status(), refused.body());
    assertEquals("number", Market.fields(refused).get(0));

    Api.Reply malformed =
        Api.admin()
            .put(
                "/api/v1/admin/settings/settlement-account",
                "{\"number\":\"12\",\"bankId\":\"x\"}");
    assertEquals(400, malformed.status(), malformed.body());
    assertTrue(Market.fields(malformed).containsAll(java.util.List.of("number", "bankId")));
  }

  @Test
  void clientsMayNotReadOrChangeSettings() {
    Market.Client client = Market.newClient("Settings Peeker");
    assertEquals(403, client.api().get("/api/v1/admin/settings").status());
    assertEquals(
        403,
        client
            .api()
            .put(
                "/api/v1/admin/settings/commission",
                "{\"defaultCommissionPercent\":\"0\",\"applyToAllOffers\":true}")
            .status());
    assertEquals(401, Api.anonymous().get("/api/v1/admin/settings").status());
  }
}

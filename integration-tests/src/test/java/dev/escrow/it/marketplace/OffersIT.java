package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offers: submitted by sellers, moderated by the administrator, browsed in the catalogue. */
class OffersIT extends EarDeployment {

  private static boolean catalogueHas(Api api, String query, String id) {
    Api.Reply page = api.get("/api/v1/offers?size=100&q=" + query);
    assertEquals(200, page.status(), page.body());
    return page.array().stream().anyMatch(o -> o.asJsonObject().getString("id").equals(id));
  }

  @Test
  void aSubmittedOfferWaitsForModerationAndShowsTheContractFields() {
    Market.Client seller = Market.newClient("Anna Seller");
    Api.Reply created =
        seller.api().post("/api/v1/me/offers", Market.offerJson("Old bicycle", "1500.5", "PT48H"));
    assertEquals(201, created.status(), created.body());
    JsonObject offer = created.json();
    assertEquals("PENDING_MODERATION", offer.getString("status"));
    assertEquals("1500.50", offer.getString("price"));
    assertEquals("PT48H", offer.getString("paymentWindow"));
    assertEquals("Old bicycle", offer.getString("title"));
    assertEquals(seller.id(), offer.getJsonObject("seller").getString("id"));
    assertEquals("Anna Seller", offer.getJsonObject("seller").getString("fullName"));
    assertEquals(JsonValue.ValueType.STRING, offer.get("id").getValueType());
    assertTrue(created.header("Location").endsWith("/api/v1/me/offers/" + offer.getString("id")));

    Api.Reply mine = seller.api().get("/api/v1/me/offers");
    assertEquals(200, mine.status());
    assertEquals(1, mine.array().size());

    Api.Reply own = seller.api().get("/api/v1/offers/" + offer.getString("id"));
    assertEquals(200, own.status(), "the seller sees their own offer in any status");

    Market.Client other = Market.newClient("Boris Buyer");
    assertEquals(404, other.api().get("/api/v1/offers/" + offer.getString("id")).status());
    assertFalse(catalogueHas(other.api(), "bicycle", offer.getString("id")));
  }

  @Test
  void invalidOffersAnswer400NamingEveryField() {
    Market.Client seller = Market.newClient("Careless Seller");
    Api.Reply refused =
        seller
            .api()
            .post(
                "/api/v1/me/offers",
                "{\"title\":\"\",\"description\":\"x\",\"price\":\"1.234\",\"paymentWindow\":\"PT30S\"}");
    assertEquals(400, refused.status(), refused.body());
    assertTrue(
        Market.fields(refused).containsAll(List.of("price", "paymentWindow")), refused.body());

    Api.Reply noTitle = seller.api().post("/api/v1/me/offers", Market.offerJson("", "10", "PT1M"));
    assertEquals(400, noTitle.status(), noTitle.body());
    assertEquals(List.of("title"), Market.fields(noTitle));

    for (String[] bad :
        new String[][] {
          {"\"0\"", "PT1H"},
          {"-5", "PT1H"},
          {"\"abc\"", "PT1H"},
          {"\"12345678901234\"", "PT1H"},
          {"10", "P31D"},
          {"10", "48 hours"},
          {"10", "PT59S"},
        }) {
      Api.Reply r = seller.api().post("/api/v1/me/offers", Market.offerJson("T", bad[0], bad[1]));
      assertEquals(400, r.status(), String.join(" ", bad) + " -> " + r.body());
      assertEquals("application/problem+json", r.header("Content-Type"));
    }
    Api.Reply limits =
        seller.api().post("/api/v1/me/offers", Market.offerJson("Edge", "0.01", "P30D"));
    assertEquals(201, limits.status(), limits.body());
    assertEquals("0.01", limits.json().getString("price"));
    assertEquals(400, seller.api().post("/api/v1/me/offers", "[1,2]").status());
    assertEquals(400, seller.api().post("/api/v1/me/offers", "").status());
  }

  @Test
  void anApprovedOfferIsInTheCatalogueSearchableAndPaged() {
    Market.Client seller = Market.newClient("Clara Seller");
    String word = Api.unique("zebra").replace("-", "");
    JsonObject pending = Market.newOffer(seller, "Striped " + word + " lamp");
    String id = pending.getString("id");

    Api.Reply approved =
        Api.admin()
            .post("/api/v1/admin/offers/" + id + "/approve", "{\"commissionPercent\":\"3.5\"}");
    assertEquals(200, approved.status(), approved.body());
    assertEquals("ACTIVE", approved.json().getString("status"));
    assertEquals("3.50", approved.json().getString("commissionPercent"));

    Api.Reply again = Api.admin().post("/api/v1/admin/offers/" + id + "/approve", "{}");
    assertEquals(409, again.status(), again.body());
    Api.Reply rejectActive =
        Api.admin().post("/api/v1/admin/offers/" + id + "/reject", "{\"reason\":\"late\"}");
    assertEquals(409, rejectActive.status(), rejectActive.body());

    Market.Client buyer = Market.newClient("Dmitry Buyer");
    assertTrue(catalogueHas(buyer.api(), word.toUpperCase(), id), "search ignores case");
    assertFalse(catalogueHas(buyer.api(), word + "nothing", id));
    Api.Reply one = buyer.api().get("/api/v1/offers/" + id);
    assertEquals(200, one.status(), one.body());
    assertEquals("ACTIVE", one.json().getString("status"));

    Api.Reply page = buyer.api().get("/api/v1/offers?page=0&size=1");
    assertEquals(200, page.status(), page.body());
    assertEquals(1, page.array().size());
    assertTrue(Long.parseLong(page.header("X-Total-Count")) >= 1);
    Api.Reply searched = buyer.api().get("/api/v1/offers?q=" + word);
    assertEquals("1", searched.header("X-Total-Count"));
    assertEquals(400, buyer.api().get("/api/v1/offers?size=0").status());
    assertEquals(400, buyer.api().get("/api/v1/offers?size=101").status());
    assertEquals(400, buyer.api().get("/api/v1/offers?page=-1").status());
    assertEquals(400, buyer.api().get("/api/v1/offers?page=x").status());
    assertEquals(200, buyer.api().get("/api/v1/offers?q=%25_%5C").status());
  }

  @Test
  void approvingWithoutAPercentUsesTheDefault() {
    Market.Client seller = Market.newClient("Default Seller");
    JsonObject pending = Market.newOffer(seller, "Default commission thing");
    String percent =
        Api.admin().get("/api/v1/admin/settings").json().getString("defaultCommissionPercent");
    Api.Reply approved =
        Api.admin().post("/api/v1/admin/offers/" + pending.getString("id") + "/approve", null);
    assertEquals(200, approved.status(), approved.body());
    assertEquals(percent, approved.json().getString("commissionPercent"));

    JsonObject other = Market.newOffer(seller, "Bad percent");
    Api.Reply bad =
        Api.admin()
            .post(
                "/api/v1/admin/offers/" + other.getString("id") + "/approve",
                "{\"commissionPercent\":\"150\"}");
    assertEquals(400, bad.status(), bad.body());
    assertEquals("commissionPercent", Market.fields(bad).get(0));
  }

  @Test
  void aRejectedOfferTellsTheSellerWhyAndAnEditSendsItBackToModeration() {
    Market.Client seller = Market.newClient("Egor Seller");
    String id = Market.newOffer(seller, "Suspicious thing").getString("id");

    Api.Reply noReason =
        Api.admin().post("/api/v1/admin/offers/" + id + "/reject", "{\"reason\":\" \"}");
    assertEquals(400, noReason.status(), noReason.body());
    assertEquals("reason", Market.fields(noReason).get(0));

    Api.Reply rejected =
        Api.admin()
            .post("/api/v1/admin/offers/" + id + "/reject", "{\"reason\":\"Add real photos\"}");
    assertEquals(200, rejected.status(), rejected.body());
    assertEquals("REJECTED", rejected.json().getString("status"));

    JsonObject mine = seller.api().get("/api/v1/me/offers/" + id).json();
    assertEquals("REJECTED", mine.getString("status"));
    assertEquals("Add real photos", mine.getString("rejectionReason"));

    Api.Reply edited =
        seller
            .api()
            .put("/api/v1/me/offers/" + id, Market.offerJson("Honest thing", "99.90", "P2D"));
    assertEquals(200, edited.status(), edited.body());
    assertEquals("PENDING_MODERATION", edited.json().getString("status"));
    assertEquals("Honest thing", edited.json().getString("title"));
    assertEquals("99.90", edited.json().getString("price"));
    assertEquals("PT48H", edited.json().getString("paymentWindow"));
    assertFalse(edited.json().containsKey("rejectionReason"));

    Api.Reply approved = Api.admin().post("/api/v1/admin/offers/" + id + "/approve", "{}");
    assertEquals(200, approved.status(), approved.body());
    Api.Reply editedActive =
        seller
            .api()
            .put("/api/v1/me/offers/" + id, Market.offerJson("Honest thing 2", "100", "PT1H"));
    assertEquals("PENDING_MODERATION", editedActive.json().getString("status"));
    Market.Client buyer = Market.newClient("Fyodor Buyer");
    assertEquals(404, buyer.api().get("/api/v1/offers/" + id).status(), "left the catalogue");
  }

  @Test
  void aSellerHidesAndShowsAnActiveOffer() {
    Market.Client seller = Market.newClient("Galina Seller");
    String word = Api.unique("hidden").replace("-", "");
    String id = Market.activeOffer(seller, "Lamp " + word).getString("id");
    Market.Client buyer = Market.newClient("Hidden Buyer");
    assertTrue(catalogueHas(buyer.api(), word, id));

    Api.Reply hidden =
        seller.api().put("/api/v1/me/offers/" + id + "/visibility", "{\"published\":false}");
    assertEquals(200, hidden.status(), hidden.body());
    assertFalse(hidden.json().getBoolean("published"));
    assertEquals("ACTIVE", hidden.json().getString("status"));
    assertFalse(catalogueHas(buyer.api(), word, id));
    assertEquals(404, buyer.api().get("/api/v1/offers/" + id).status());

    assertEquals(400, seller.api().put("/api/v1/me/offers/" + id + "/visibility", "{}").status());
    Api.Reply shown =
        seller.api().put("/api/v1/me/offers/" + id + "/visibility", "{\"published\":true}");
    assertEquals(200, shown.status(), shown.body());
    assertTrue(catalogueHas(buyer.api(), word, id));
  }

  @Test
  void nobodyReachesAnotherSellersOffers() {
    Market.Client owner = Market.newClient("Owner Seller");
    Market.Client intruder = Market.newClient("Intruder");
    String id = Market.newOffer(owner, "Private thing").getString("id");

    assertEquals(404, intruder.api().get("/api/v1/me/offers/" + id).status());
    Api.Reply edit =
        intruder.api().put("/api/v1/me/offers/" + id, Market.offerJson("Mine now", "1", "PT1H"));
    assertEquals(404, edit.status(), edit.body());
    assertEquals(
        404,
        intruder
            .api()
            .put("/api/v1/me/offers/" + id + "/visibility", "{\"published\":false}")
            .status());
    assertTrue(intruder.api().get("/api/v1/me/offers").array().isEmpty());
    assertEquals(404, intruder.api().get("/api/v1/offers/999999999").status());
    assertEquals(404, intruder.api().get("/api/v1/offers/not-a-number").status());
    assertEquals(
        "Private thing", owner.api().get("/api/v1/me/offers/" + id).json().getString("title"));
  }

  @Test
  void moderationIsForTheAdministratorOnly() {
    Market.Client seller = Market.newClient("Sneaky Seller");
    String id = Market.newOffer(seller, "Self approved").getString("id");
    assertEquals(403, seller.api().post("/api/v1/admin/offers/" + id + "/approve", "{}").status());
    assertEquals(
        403,
        seller.api().post("/api/v1/admin/offers/" + id + "/reject", "{\"reason\":\"x\"}").status());
    assertEquals(403, seller.api().get("/api/v1/admin/offers?status=PENDING_MODERATION").status());
    assertEquals(401, Api.anonymous().get("/api/v1/offers").status());
    assertEquals(401, Api.anonymous().post("/api/v1/me/offers", "{}").status());

    Api.Reply queue = Api.admin().get("/api/v1/admin/offers?status=PENDING_MODERATION");
    assertEquals(200, queue.status(), queue.body());
    assertTrue(
        queue.array().stream()
            .map(JsonValue::asJsonObject)
            .allMatch(o -> o.getString("status").equals("PENDING_MODERATION")));
    assertTrue(queue.array().stream().anyMatch(o -> o.asJsonObject().getString("id").equals(id)));
    assertEquals(400, Api.admin().get("/api/v1/admin/offers?status=NOPE").status());
    assertEquals(404, Api.admin().post("/api/v1/admin/offers/123456789/approve", "{}").status());
  }
}

package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A client never receives the commission: not in answers, not in errors. */
class CommissionNeverShownToClientsIT extends EarDeployment {

  @Test
  void noClientVisibleResponseMentionsTheCommission() {
    Market.Client seller = Market.newClient("Leak Seller");
    Market.Client buyer = Market.newClient("Leak Buyer");
    String active = Market.activeOffer(seller, "Leak test lamp").getString("id");
    String pending = Market.newOffer(seller, "Leak test chair").getString("id");
    String rejected = Market.newOffer(seller, "Leak test table").getString("id");
    Api.admin().post("/api/v1/admin/offers/" + rejected + "/reject", "{\"reason\":\"blurry\"}");
    String bankId = Market.registeredBank().getString("id");

    List<Api.Reply> replies = new ArrayList<>();
    for (Api api : List.of(seller.api(), buyer.api())) {
      replies.add(api.get("/api/v1/me"));
      replies.add(api.get("/api/v1/me/offers"));
      replies.add(api.get("/api/v1/me/accounts"));
      replies.add(api.get("/api/v1/banks"));
      replies.add(api.get("/api/v1/offers"));
      replies.add(api.get("/api/v1/offers?q=leak"));
      for (String id : List.of(active, pending, rejected)) {
        replies.add(api.get("/api/v1/offers/" + id));
        replies.add(api.get("/api/v1/me/offers/" + id));
        replies.add(
            api.post("/api/v1/admin/offers/" + id + "/approve", "{\"commissionPercent\":1}"));
        replies.add(api.put("/api/v1/me/offers/" + id + "/visibility", "{\"published\":true}"));
      }
      replies.add(api.get("/api/v1/admin/offers"));
      replies.add(api.get("/api/v1/admin/settings"));
      replies.add(
          api.put(
              "/api/v1/admin/settings/commission",
              "{\"defaultCommissionPercent\":\"1\",\"applyToAllOffers\":true}"));
      replies.add(api.post("/api/v1/me/offers", "{\"price\":\"x\",\"paymentWindow\":\"y\"}"));
      replies.add(api.post("/api/v1/me/offers", "{bad json"));
      replies.add(
          api.post(
              "/api/v1/me/accounts",
              "{\"number\":\"999ABCDEF0123\",\"bankId\":\"" + bankId + "\"}"));
      replies.add(api.get("/api/v1/offers?size=1000"));
    }
    replies.add(seller.api().post("/api/v1/me/offers", Market.offerJson("Another", "10", "PT1H")));
    replies.add(
        seller.api().put("/api/v1/me/offers/" + active, Market.offerJson("Edited", "10", "PT1H")));

    for (Api.Reply reply : replies) {
      assertFalse(
          reply.body().toLowerCase(Locale.ROOT).contains("commission"),
          "a client received the commission: " + reply.response().uri() + " -> " + reply);
      assertTrue(reply.status() < 500, reply.response().uri() + " -> " + reply);
    }
  }
}

package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.escrow.it.support.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Test data made through the public API: clients, banks, offers. */
final class Market {

  static final String PASSWORD = "secret-pass-1";

  private Market() {}

  /** A new client, signed in. */
  static Client newClient(String fullName) {
    String login = Api.unique("client");
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/clients",
                "{\"fullName\":\""
                    + fullName
                    + "\",\"login\":\""
                    + login
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\"}");
    assertEquals(201, created.status(), created.body());
    return new Client(created.json().getString("id"), login, Api.as(login, PASSWORD));
  }

  record Client(String id, String login, Api api) {}

  /** The requisites the bank service knows. */
  static List<String> bankServiceRequisites() {
    Api.Reply banks = Api.anonymous().get("/bank/api/v1/banks");
    assertEquals(200, banks.status(), banks.body());
    return banks.array().stream()
        .map(JsonValue::asJsonObject)
        .map(b -> b.getString("requisite"))
        .toList();
  }

  /** A bank registered with the marketplace (registering one when none is). */
  static JsonObject registeredBank() {
    Api.Reply list = Api.admin().get("/api/v1/banks");
    assertEquals(200, list.status(), list.body());
    if (!list.array().isEmpty()) {
      return list.array().getJsonObject(0);
    }
    return registerUnusedBank();
  }

  /** Registers a bank whose requisite no registered bank has yet; null when all ten are used. */
  static JsonObject registerUnusedBank() {
    Set<String> used =
        Api.admin().get("/api/v1/banks").array().stream()
            .map(JsonValue::asJsonObject)
            .map(b -> b.getString("requisite"))
            .collect(Collectors.toSet());
    for (String requisite : bankServiceRequisites()) {
      if (!used.contains(requisite)) {
        Api.Reply created =
            Api.admin()
                .post(
                    "/api/v1/admin/banks",
                    "{\"name\":\""
                        + Api.unique("Bank")
                        + "\",\"requisite\":\""
                        + requisite
                        + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json();
      }
    }
    return null;
  }

  static String offerJson(String title, String price, String window) {
    return "{\"title\":\""
        + title
        + "\",\"description\":\"A fine thing, barely used\",\"price\":"
        + price
        + ",\"paymentWindow\":\""
        + window
        + "\"}";
  }

  /** A new offer of this client, waiting for moderation. */
  static JsonObject newOffer(Client seller, String title) {
    Api.Reply created =
        seller.api().post("/api/v1/me/offers", offerJson(title, "\"1500.50\"", "PT48H"));
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  /** A new offer of this client, approved by the administrator. */
  static JsonObject activeOffer(Client seller, String title) {
    JsonObject offer = newOffer(seller, title);
    Api.Reply approved =
        Api.admin().post("/api/v1/admin/offers/" + offer.getString("id") + "/approve", "{}");
    assertEquals(200, approved.status(), approved.body());
    return approved.json();
  }

  static List<String> fields(Api.Reply problem) {
    return problem.json().getJsonArray("errors").stream()
        .map(JsonValue::asJsonObject)
        .map(e -> e.getString("field"))
        .toList();
  }
}

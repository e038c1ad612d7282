package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The administrator registers banks the bank service knows; everybody lists them. */
class AdminBanksIT extends EarDeployment {

  @Test
  void administratorRegistersABankTheBankServiceKnows() {
    JsonObject bank = Market.registerUnusedBank();
    if (bank == null) {
      bank = Market.registeredBank(); // all ten already registered by other tests
    }
    assertTrue(Market.bankServiceRequisites().contains(bank.getString("requisite")));
    assertEquals(JsonValue.ValueType.STRING, bank.get("id").getValueType());

    Market.Client client = Market.newClient("Bank Reader");
    Api.Reply list = client.api().get("/api/v1/banks");
    assertEquals(200, list.status(), list.body());
    String id = bank.getString("id");
    assertTrue(
        list.array().stream().anyMatch(b -> b.asJsonObject().getString("id").equals(id)),
        list.body());
  }

  @Test
  void aRequisiteTheBankServiceDoesNotKnowAnswers400() {
    String unknown = "000000001";
    assertTrue(!Market.bankServiceRequisites().contains(unknown));
    Api.Reply refused =
        Api.admin()
            .post(
                "/api/v1/admin/banks",
                "{\"name\":\"Nowhere bank\",\"requisite\":\"" + unknown + "\"}");
    assertEquals(400, refused.status(), refused.body());
    assertEquals("application/problem+json", refused.header("Content-Type"));
    assertEquals("requisite", Market.fields(refused).get(0));
  }

  @Test
  void malformedBankAnswers400WithFieldErrors() {
    Api.Reply refused =
        Api.admin().post("/api/v1/admin/banks", "{\"name\":\"\",\"requisite\":\"12ab\"}");
    assertEquals(400, refused.status(), refused.body());
    assertTrue(
        Market.fields(refused).containsAll(java.util.List.of("name", "requisite")), refused.body());

    Api.Reply notJson = Api.admin().post("/api/v1/admin/banks", "{not json");
    assertEquals(400, notJson.status(), notJson.body());
  }

  @Test
  void aDuplicateRequisiteAnswers409() {
    JsonObject bank = Market.registeredBank();
    Api.Reply duplicate =
        Api.admin()
            .post(
                "/api/v1/admin/banks",
                "{\"name\":\""
                    + Api.unique("Other")
                    + "\",\"requisite\":\""
                    + bank.getString("requisite")
                    + "\"}");
    assertEquals(409, duplicate.status(), duplicate.body());
  }

  @Test
  void clientsMayNotRegisterBanksAndStrangersMayNotList() {
    Market.Client client = Market.newClient("Curious Client");
    Api.Reply forbidden =
        client.api().post("/api/v1/admin/banks", "{\"name\":\"Mine\",\"requisite\":\"123456789\"}");
    assertEquals(403, forbidden.status(), forbidden.body());
    assertEquals(403, client.api().get("/api/v1/admin/banks").status());
    assertEquals(401, Api.anonymous().get("/api/v1/banks").status());
  }
}

package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Deal statuses: four system ones seeded; the administrator adds, renames and removes others. */
class DealStatusesIT extends EarDeployment {

  private static JsonObject byCode(String code) {
    return Api.admin().get("/api/v1/admin/deal-statuses").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> s.getString("code").equals(code))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theFourSystemStatusesAreSeeded() {
    Api.Reply list = Api.admin().get("/api/v1/admin/deal-statuses");
    assertEquals(200, list.status(), list.body());
    Map<String, JsonObject> system =
        list.array().stream()
            .map(JsonValue::asJsonObject)
            .filter(s -> s.getBoolean("system"))
            .collect(Collectors.toMap(s -> s.getString("code"), s -> s));
    assertEquals(
        java.util.Set.of("AWAITING_PAYMENT", "IN_PROGRESS", "COMPLETED", "EXPIRED"),
        system.keySet());
    assertEquals("ожидает оплаты", system.get("AWAITING_PAYMENT").getString("name"));
    assertEquals("просрочена (средства возвращены)", system.get("EXPIRED").getString("name"));
    assertEquals(JsonValue.ValueType.STRING, system.get("EXPIRED").get("id").getValueType());
  }

  @Test
  void administratorAddsAStatusWithACodeMadeFromTheName() {
    String name = "На проверке " + Api.unique("x").substring(2);
    Api.Reply added =
        Api.admin().post("/api/v1/admin/deal-statuses", "{\"name\":\"" + name + "\"}");
    assertEquals(201, added.status(), added.body());
    assertFalse(added.json().getBoolean("system"));
    assertEquals(name, added.json().getString("name"));
    assertTrue(added.json().getString("code").startsWith("NA_PROVERKE_"), added.body());
    assertTrue(added.json().getString("code").matches("[A-Z0-9_]+"), added.body());

    Api.Reply again =
        Api.admin().post("/api/v1/admin/deal-statuses", "{\"name\":\"" + name + "\"}");
    assertEquals(409, again.status(), again.body());

    String id = added.json().getString("id");
    Api.Reply removed =
        Api.admin().send("DELETE", "/api/v1/admin/deal-statuses/" + id, null, Map.of());
    assertEquals(204, removed.status(), removed.body());
  }

  @Test
  void systemStatusesCanBeRenamedButNotRemoved() {
    JsonObject completed = byCode("COMPLETED");
    String id = completed.getString("id");
    Api.Reply renamed =
        Api.admin().put("/api/v1/admin/deal-statuses/" + id, "{\"name\":\"завершена успешно\"}");
    assertEquals(200, renamed.status(), renamed.body());
    assertEquals("завершена успешно", renamed.json().getString("name"));
    assertEquals("COMPLETED", renamed.json().getString("code"));
    Api.Reply back =
        Api.admin().put("/api/v1/admin/deal-statuses/" + id, "{\"name\":\"завершена\"}");
    assertEquals(200, back.status(), back.body());

    Api.Reply removed =
        Api.admin().send("DELETE", "/api/v1/admin/deal-statuses/" + id, null, Map.of());
    assertEquals(409, removed.status(), removed.body());
  }

  @Test
  void invalidNamesUnknownIdsAndClientsAreRefused() {
    Api.Reply blank = Api.admin().post("/api/v1/admin/deal-statuses", "{\"name\":\"  \"}");
    assertEquals(400, blank.status(), blank.body());
    assertEquals("name", Market.fields(blank).get(0));

    Api.Reply unknown =
        Api.admin().put("/api/v1/admin/deal-statuses/987654321", "{\"name\":\"whatever\"}");
    assertEquals(404, unknown.status(), unknown.body());
    Api.Reply garbage =
        Api.admin().put("/api/v1/admin/deal-statuses/abc", "{\"name\":\"whatever\"}");
    assertEquals(404, garbage.status(), garbage.body());

    Market.Client client = Market.newClient("Status Peeker");
    assertEquals(403, client.api().get("/api/v1/admin/deal-statuses").status());
    assertEquals(
        403, client.api().post("/api/v1/admin/deal-statuses", "{\"name\":\"mine\"}").status());
  }
}

package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding accounts: refused when the bank does not hold them or the input is wrong. */
class AccountsIT extends EarDeployment {

  @Test
  void anAccountTheBankDoesNotHoldIsRefusedWith400() {
    JsonObject bank = Market.registeredBank();
    Market.Client client = Market.newClient("Ivan Accountless");
    Api.Reply refused =
        client
            .api()
            .post(
                "/api/v1/me/accounts",
                "{\"number\":\"999ABCDEF0123\",\"bankId\":\"" + bank.getString("id") + "\"}");
    assertEquals(400, refused.status(), refused.body());
    assertEquals("number", Market.fields(refused).get(0));
    assertTrue(client.api().get("/api/v1/me/accounts").array().isEmpty());
  }

  @Test
  void malformedNumbersAndUnknownBanksAnswer400() {
    JsonObject bank = Market.registeredBank();
    Market.Client client = Market.newClient("Careless Binder");
    Api.Reply badNumber =
        client
            .api()
            .post(
                "/api/v1/me/accounts",
                "{\"number\":\"12/../x\",\"bankId\":\"" + bank.getString("id") + "\"}");
    assertEquals(400, badNumber.status(), badNumber.body());
    assertEquals(List.of("number"), Market.fields(badNumber));

    Api.Reply unknownBank =
        client
            .api()
            .post("/api/v1/me/accounts", "{\"number\":\"0010000000001\",\"bankId\":987654}");
    assertEquals(400, unknownBank.status(), unknownBank.body());
    assertEquals(List.of("bankId"), Market.fields(unknownBank));

    Api.Reply empty = client.api().post("/api/v1/me/accounts", "{}");
    assertEquals(400, empty.status(), empty.body());
    assertTrue(Market.fields(empty).containsAll(List.of("number", "bankId")), empty.body());
  }

  @Test
  void unknownAccountsAreNotFound() {
    Market.Client client = Market.newClient("Account Prober");
    assertEquals(404, client.api().get("/api/v1/me/accounts/999999999").status());
    assertEquals(404, client.api().get("/api/v1/me/accounts/x").status());
  }

  @Test
  void accountsNeedASignIn() {
    assertEquals(401, Api.anonymous().get("/api/v1/me/accounts").status());
    assertEquals(401, Api.anonymous().post("/api/v1/me/accounts", "{\"number\":\"1\"}").status());
  }
}

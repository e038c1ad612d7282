package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Binding an account the bank really holds. Needs the bank's back office (to open the account) and
 * its partner endpoint {@code GET /bank/api/v1/partner/accounts/{number}} (to confirm it).
 */
class AccountBindingWithBankIT extends EarDeployment {

  /** Opens an account at the bank with this requisite through the bank's back office. */
  static String openAccountAtTheBank(String requisite) {
    Api.Reply customer =
        Api.operator()
            .post(
                "/bank/api/v1/backoffice/customers",
                "{\"fullName\":\"Bank Customer\",\"email\":\""
                    + Api.unique("c")
                    + "@example.com\",\"phone\":\"+70000000000\"}");
    assertEquals(201, customer.status(), customer.body());
    Api.Reply account =
        Api.operator()
            .post(
                "/bank/api/v1/backoffice/customers/"
                    + customer.json().get("id").toString().replace("\"", "")
                    + "/accounts",
                "{\"bankRequisite\":\"" + requisite + "\"}");
    assertEquals(201, account.status(), account.body());
    return account.json().getString("number");
  }

  /** The same, or null when the bank's back office is not deployed. */
  static String tryOpenAccountAtTheBank(String requisite) {
    Api.Reply probe = Api.operator().get("/bank/api/v1/backoffice/fees");
    if (probe.status() == 404) {
      return null;
    }
    return openAccountAtTheBank(requisite);
  }

  @Test
  void aClientBindsAnAccountTheBankHoldsOnceAndOnlyTheySeeIt() {
    JsonObject bank = Market.registeredBank();
    String number = openAccountAtTheBank(bank.getString("requisite"));
    Market.Client owner = Market.newClient("Account Owner");

    Api.Reply bound =
        owner
            .api()
            .post(
                "/api/v1/me/accounts",
                "{\"number\":\"" + number + "\",\"bankId\":\"" + bank.getString("id") + "\"}");
    assertEquals(201, bound.status(), bound.body());
    assertEquals(number, bound.json().getString("number"));
    assertEquals(bank.getString("id"), bound.json().getJsonObject("bank").getString("id"));
    assertEquals(
        bank.getString("requisite"), bound.json().getJsonObject("bank").getString("requisite"));

    Api.Reply again =
        owner
            .api()
            .post(
                "/api/v1/me/accounts",
                "{\"number\":\"" + number + "\",\"bankId\":\"" + bank.getString("id") + "\"}");
    assertEquals(409, again.status(), again.body());

    assertEquals(1, owner.api().get("/api/v1/me/accounts").array().size());
    Market.Client other = Market.newClient("Someone Else");
    assertTrue(other.api().get("/api/v1/me/accounts").array().isEmpty());
    String id = bound.json().getString("id");
    assertEquals(200, owner.api().get("/api/v1/me/accounts/" + id).status());
    assertEquals(404, other.api().get("/api/v1/me/accounts/" + id).status());
    Api.Reply byOther =
        other
            .api()
            .post(
                "/api/v1/me/accounts",
                "{\"number\":\"" + number + "\",\"bankId\":\"" + bank.getString("id") + "\"}");
    assertEquals(409, byOther.status(), "an account is bound once: " + byOther.body());
  }

  @Test
  void theAdministratorSetsTheSettlementAccount() {
    JsonObject bank = Market.registeredBank();
    String number = openAccountAtTheBank(bank.getString("requisite"));
    Api.Reply set =
        Api.admin()
            .put(
                "/api/v1/admin/settings/settlement-account",
                "{\"number\":\"" + number + "\",\"bankId\":\"" + bank.getString("id") + "\"}");
    assertEquals(200, set.status(), set.body());
    assertEquals(number, set.json().getJsonObject("settlementAccount").getString("number"));
  }
}

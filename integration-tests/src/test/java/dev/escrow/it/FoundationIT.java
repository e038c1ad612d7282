package dev.escrow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/** The skeleton end to end: deployed, ready, secured, both APIs answering. */
class FoundationIT extends EarDeployment {

  @ArquillianResource ManagementClient management;

  /**
   * On H2 both datasources go through the driver that takes commits one at a time (module
   * ordered-h2): without it a crash can keep half of a transaction. Each pool hands out a working
   * connection through it.
   */
  @Test
  void eachDatasourceUsesTheDriverOfItsDatabaseKind() throws IOException {
    String kind = System.getProperty("db.kind", "h2");
    String expected = kind.equals("postgresql") ? "postgresql" : "h2-ordered";
    for (String datasource : new String[] {"MarketplaceDS", "BankDS"}) {
      ModelNode read = new ModelNode();
      read.get("operation").set("read-attribute");
      read.get("address").add("subsystem", "datasources").add("data-source", datasource);
      read.get("name").set("driver-name");
      read.get("resolve-expressions").set(true);
      ModelNode driver = management.getControllerClient().execute(read);
      assertEquals(expected, driver.get("result").asString(), datasource + ": " + driver);

      ModelNode test = new ModelNode();
      test.get("operation").set("test-connection-in-pool");
      test.get("address").add("subsystem", "datasources").add("data-source", datasource);
      ModelNode tested = management.getControllerClient().execute(test);
      assertEquals("success", tested.get("outcome").asString(), datasource + ": " + tested);
    }
  }

  @Test
  void readinessIsUpWithBothDatabasesAndTheBroker() {
    Api.Reply ready = Api.anonymous().get(Api.managementUrl() + "/health/ready");
    assertEquals(200, ready.status(), ready.body());
    JsonObject health = ready.json();
    assertEquals("UP", health.getString("status"));
    for (String check :
        new String[] {
          "marketplace-database", "bank-database", "jobs-database", "message-broker", "bank-ledger"
        }) {
      assertTrue(
          health.getJsonArray("checks").stream()
              .map(JsonValue::asJsonObject)
              .anyMatch(
                  c -> c.getString("name").equals(check) && c.getString("status").equals("UP")),
          check + " is UP in " + health);
    }
  }

  @Test
  void administratorSeesTheirProfile() {
    Api.Reply me = Api.admin().get("/api/v1/me");
    assertEquals(200, me.status(), me.body());
    assertEquals("admin", me.json().getString("login"));
    assertTrue(me.json().get("id").getValueType() == JsonValue.ValueType.STRING, "ids are strings");
  }

  @Test
  void wrongPasswordAnswers401WithProblemJson() {
    Api.Reply me = Api.as("admin", "not-the-password").get("/api/v1/me");
    assertEquals(401, me.status());
    assertEquals("application/problem+json", me.header("Content-Type"));
    assertEquals(401, me.json().getInt("status"));
    assertTrue(me.header("WWW-Authenticate").startsWith("Basic"));
  }

  @Test
  void noCredentialsAnswers401() {
    Api.Reply me = Api.anonymous().get("/api/v1/me");
    assertEquals(401, me.status());
    assertEquals("application/problem+json", me.header("Content-Type"));
  }

  @Test
  void clientIsForbiddenOnAdminPaths() {
    String login = Api.unique("client");
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/clients",
                "{\"fullName\":\"Ivan Petrov\",\"login\":\""
                    + login
                    + "\",\"password\":\"secret-pass-1\"}");
    assertEquals(201, created.status(), created.body());

    Api.Reply forbidden = Api.as(login, "secret-pass-1").get("/api/v1/admin/clients");
    assertEquals(403, forbidden.status(), forbidden.body());
    assertEquals("application/problem+json", forbidden.header("Content-Type"));

    Api.Reply me = Api.as(login, "secret-pass-1").get("/api/v1/me");
    assertEquals(200, me.status());
    assertEquals("Ivan Petrov", me.json().getString("fullName"));
  }

  @Test
  void bankListsItsBanksPublicly() {
    Api.Reply banks = Api.anonymous().get("/bank/api/v1/banks");
    assertEquals(200, banks.status(), banks.body());
    assertEquals(10, banks.array().size());
    JsonObject first = banks.array().getJsonObject(0);
    assertTrue(first.getString("code").matches("\\d{3}"));
    assertTrue(first.getString("requisite").matches("\\d{9}"));
  }

  @Test
  void pagesAreServed() {
    Api.Reply home = Api.anonymous().get("/");
    assertEquals(200, home.status());
    assertTrue(home.body().contains("<h1>"), home.body());
    Api.Reply login = Api.anonymous().get("/login.xhtml");
    assertEquals(200, login.status());
    assertTrue(login.body().contains("j_security_check"));
  }

  @Test
  void openApiDocumentIsServed() {
    Api.Reply openapi = Api.anonymous().get("/openapi?format=JSON");
    assertEquals(200, openapi.status());
    assertTrue(openapi.body().contains("/api/v1/me"), "the marketplace API is documented");
  }
}

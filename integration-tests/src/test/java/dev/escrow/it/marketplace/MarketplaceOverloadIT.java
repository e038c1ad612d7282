package dev.escrow.it.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankBooks;
import dev.escrow.it.support.EarDeployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * The marketplace answers overload as the bank does (BankOverloadIT), through the same shared
 * mapper: with every connection of its pool taken, a signed-in client's catalogue request waits the
 * pool's blocking timeout and is answered 503 with Retry-After in problem+json, not 500; once the
 * pool has room the same request is answered. The client signs in before the pool is taken (the
 * realm caches the identity), so the refusal is the request's own, not its sign-in's.
 */
class MarketplaceOverloadIT extends EarDeployment {

  @ArquillianResource ManagementClient management;

  @Test
  void anExhaustedPoolAnswers503WithRetryAfter() throws Exception {
    Market.Client client = Market.newClient("Overload Shopper");
    assertEquals(200, client.api().get("/api/v1/offers").status());
    int pool = poolSize();

    Api.Reply refused;
    try (BankBooks books = BankBooks.deploy(management)) {
      assertEquals(pool, books.holdMarketplaceConnections(pool));
      refused = client.api().get("/api/v1/offers");
    }
    assertEquals(503, refused.status(), refused.body());
    assertTrue(refused.response().headers().firstValue("Retry-After").isPresent());
    assertTrue(
        refused
            .response()
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertEquals(503, refused.json().getInt("status"));

    assertEquals(200, client.api().get("/api/v1/offers").status(), "answered again");
  }

  private int poolSize() throws Exception {
    ModelNode op = new ModelNode();
    op.get("operation").set("read-attribute");
    op.get("address").add("subsystem", "datasources").add("data-source", "MarketplaceDS");
    op.get("name").set("max-pool-size");
    op.get("resolve-expressions").set(true);
    ModelNode outcome = management.getControllerClient().execute(op);
    assertEquals("success", outcome.get("outcome").asString(), op + " -> " + outcome);
    return outcome.get("result").asInt();
  }
}

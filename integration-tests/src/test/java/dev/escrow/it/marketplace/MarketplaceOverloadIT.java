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
 * The marketplace answers overload as the bank does (BankOverloadIT): with every connection of its
 * pool taken, a request cannot even be signed in (the realm reads the user on every sign-in), and
 * that is answered 503 with Retry-After in problem+json, not 401 as if the password were wrong, nor
 * 500; the sign-in throttle does not count it. Once the pool has room the same request is answered.
 */
class MarketplaceOverloadIT extends EarDeployment {

  /** LoginThrottle.MAX_FAILURES: that many failures in the window block the next sign-in. */
  private static final int THROTTLE_LIMIT = 10;

  @ArquillianResource ManagementClient management;

  @Test
  void anExhaustedPoolAnswers503WithRetryAfterAndCountsNoFailedSignIn() throws Exception {
    Market.Client client = Market.newClient("Overload Shopper");
    Market.Client other = Market.newClient("Overload Browser");
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

    assertEquals(200, other.api().get("/api/v1/offers").status(), "answered again");

    // The throttle refuses (429) a sign-in once THROTTLE_LIMIT failures are counted for this login
    // from this address. Had the refusal above been counted, the last of these would be that one.
    // (A success would clear the count, so none comes between; WildFly's own brute-force lock of
    // the identity answers a wrong password as wrong, 401, too.)
    Api guesser = Api.as(client.login(), "not-the-password");
    for (int i = 1; i <= THROTTLE_LIMIT; i++) {
      assertEquals(
          401, guesser.get("/api/v1/offers").status(), "wrong password " + i + " of the client");
    }
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

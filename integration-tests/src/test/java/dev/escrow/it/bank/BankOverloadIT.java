package dev.escrow.it.bank;

import static dev.escrow.it.bank.BankFixture.AURORA;
import static dev.escrow.it.bank.BankFixture.NORTHERN;
import static dev.escrow.it.bank.BankFixture.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.escrow.it.bank.BankFixture.Holder;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.BankBooks;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overload answers honestly: with every connection of the bank's pool taken, a transfer (the first
 * of a new group) is answered 503 with Retry-After in problem+json, not 500 as a lost race once
 * was, nor accepted item by item after waiting a second time, and nothing changed: the balance is
 * the same, the code is still unused and the same request is accepted once the pool has room. The
 * connections are taken by a test-only deployment ({@link BankBooks}) on the suite's own server,
 * rather than a second server started with a tiny BANK_DB_POOL_MAX: that start costs minutes here.
 */
class BankOverloadIT extends EarDeployment {

  @RegisterExtension static GreenMailExtension mail = BankFixture.mailServer();

  @ArquillianResource ManagementClient management;

  @Test
  void anExhaustedPoolAnswers503WithRetryAfterAndChangesNothing() throws Exception {
    Holder payer = BankFixture.holder("Overload Payer", AURORA, "100.00");
    Holder payee = BankFixture.holder("Overload Payee", NORTHERN, "0");
    JsonObject authorization = BankFixture.authorizedPayment(mail, payer, payee, "40.00");
    String fee = authorization.getString("fee");
    String group = "deal-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    int pool = poolSize();

    Api.Reply refused;
    try (BankBooks books = BankBooks.deploy(management)) {
      assertEquals(pool, books.holdConnections(pool));
      assertTrue(inUse() >= pool, "every connection of the bank's pool is taken");
      long started = System.nanoTime();
      refused = submit(authorization, payer, payee, "40.00", fee, group, key);
      System.out.printf(
          "OVERLOAD pool %d, %d held: %d %s Retry-After=%s after %d ms: %s%n",
          pool,
          pool,
          refused.status(),
          refused.response().headers().firstValue("Content-Type").orElse("-"),
          refused.response().headers().firstValue("Retry-After").orElse("-"),
          (System.nanoTime() - started) / 1_000_000,
          refused.body());
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

    assertEquals(new BigDecimal("100.00"), BankFixture.balance(payer.number()), "nothing paid");
    assertTrue(BankFixture.audit().getBoolean("consistent"));
    Api.Reply accepted = submit(authorization, payer, payee, "40.00", fee, group, key);
    assertEquals(202, accepted.status(), "the code was not used up: " + accepted.body());
    JsonObject done = BankFixture.awaitFinal(accepted.json().getString("id"));
    assertEquals("COMPLETED", done.getString("status"), done.toString());
  }

  private ModelNode datasource() {
    ModelNode address = new ModelNode();
    address.add("subsystem", "datasources").add("data-source", "BankDS");
    return address;
  }

  private int poolSize() throws Exception {
    ModelNode op = new ModelNode();
    op.get("operation").set("read-attribute");
    op.get("address").set(datasource());
    op.get("name").set("max-pool-size");
    op.get("resolve-expressions").set(true);
    return result(op).asInt();
  }

  private int inUse() throws Exception {
    ModelNode op = new ModelNode();
    op.get("operation").set("read-attribute");
    ModelNode address = datasource();
    address.add("statistics", "pool");
    op.get("address").set(address);
    op.get("name").set("InUseCount");
    return result(op).asInt();
  }

  private ModelNode result(ModelNode op) throws Exception {
    ModelNode outcome = management.getControllerClient().execute(op);
    assertEquals("success", outcome.get("outcome").asString(), op + " -> " + outcome);
    return outcome.get("result");
  }
}

package dev.escrow.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.escrow.it.support.books.HoldServlet;
import dev.escrow.it.support.books.ShiftServlet;
import dev.escrow.it.support.books.StoredSecretsServlet;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.standalone.ServerDeploymentHelper;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A test's way into the bank's database on either database (H2 is embedded in the server): a tiny
 * WAR (test sources only) deployed through the management API next to the product. One servlet
 * changes an account's balance with SQL and writes no ledger row (the audit must find it), the
 * other holds connections of the bank's pool (a request must then meet an exhausted pool), a third
 * answers what both databases store for passwords and keys. {@link #close} gives the connections
 * back and removes the WAR. The product has no such path.
 */
public final class BankBooks implements AutoCloseable {

  private static final String NAME = "bank-books-test.war";

  private final ServerDeploymentHelper deployments;

  private BankBooks(ManagementClient management) {
    this.deployments = new ServerDeploymentHelper(management.getControllerClient());
  }

  public static BankBooks deploy(ManagementClient management) throws Exception {
    BankBooks books = new BankBooks(management);
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, NAME)
            .addClasses(ShiftServlet.class, HoldServlet.class, StoredSecretsServlet.class);
    try (InputStream content = war.as(ZipExporter.class).exportAsInputStream()) {
      books.deployments.deploy(NAME, content);
    }
    return books;
  }

  /** Adds {@code by} (negative to take) to the account's balance, without a ledger row. */
  public void shiftBalance(String number, String by) {
    Api.Reply shifted =
        Api.anonymous()
            .send(
                "POST",
                "/bank-books-test/shift?number=" + number + "&by=" + by,
                "",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertEquals(200, shifted.status(), shifted.body());
    assertEquals("1", shifted.body().strip(), "one account changed");
  }

  /** What both databases store for passwords and API keys: {kind, name, stored} per row. */
  public List<String[]> storedSecrets() {
    Api.Reply reply = Api.anonymous().get("/bank-books-test/stored-secrets");
    assertEquals(200, reply.status(), reply.body());
    return reply.body().lines().filter(l -> !l.isBlank()).map(l -> l.split("\t", 3)).toList();
  }

  /** Takes {@code count} more connections of the bank's pool; answers how many it holds. */
  public int holdConnections(int count) {
    return Integer.parseInt(post("/hold?count=" + count));
  }

  /** Takes {@code count} more connections of the marketplace's pool; answers how many are held. */
  public int holdMarketplaceConnections(int count) {
    return Integer.parseInt(post("/hold?pool=marketplace&count=" + count));
  }

  public void releaseConnections() {
    assertEquals("0", post("/release"));
  }

  private static String post(String path) {
    Api.Reply reply =
        Api.anonymous()
            .send(
                "POST",
                "/bank-books-test" + path,
                "",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertEquals(200, reply.status(), reply.body());
    return reply.body().strip();
  }

  @Override
  public void close() throws Exception {
    try {
      releaseConnections();
    } finally {
      deployments.undeploy(NAME);
    }
  }
}

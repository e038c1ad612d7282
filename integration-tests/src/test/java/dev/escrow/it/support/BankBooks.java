package dev.escrow.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.escrow.it.support.books.ShiftServlet;
import java.io.InputStream;
import java.util.Map;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.standalone.ServerDeploymentHelper;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A test's way to make the bank's books disagree with its ledger, on either database: a tiny WAR
 * (test sources only) deployed through the management API next to the product, whose one servlet
 * changes an account's balance with SQL and writes no ledger row. {@link #close} removes it. The
 * product has no such path.
 */
public final class BankBooks implements AutoCloseable {

  private static final String NAME = "bank-books-test.war";

  private final ServerDeploymentHelper deployments;

  private BankBooks(ManagementClient management) {
    this.deployments = new ServerDeploymentHelper(management.getControllerClient());
  }

  public static BankBooks deploy(ManagementClient management) throws Exception {
    BankBooks books = new BankBooks(management);
    WebArchive war = ShrinkWrap.create(WebArchive.class, NAME).addClass(ShiftServlet.class);
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

  @Override
  public void close() throws Exception {
    deployments.undeploy(NAME);
  }
}

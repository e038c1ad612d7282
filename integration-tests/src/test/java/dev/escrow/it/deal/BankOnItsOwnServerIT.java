package dev.escrow.it.deal;

import static dev.escrow.it.support.Market.BANK_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.FreshData;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bank on a server of its own: escrow-bank.ear on one WildFly, escrow-marketplace.ear on
 * another, each configured with only its own domain's CLI scripts, the marketplace told where the
 * bank is (MARKETPLACE_BANK_URL and friends). Run by the failsafe execution {@code split}
 * (integration-tests/pom.xml, Arquillian group {@code split}); {@link Api} sends /bank/... to the
 * bank's server there, everything else to the marketplace's.
 */
@Tag("split")
@ExtendWith({BankOnItsOwnServerIT.FreshSplitData.class, ArquillianExtension.class})
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BankOnItsOwnServerIT {

  static final String MARKETPLACE_EAR = "escrow-marketplace.ear";
  static final Set<String> APPLICATION_CHECKS =
      Set.of("marketplace-database", "bank-database", "message-broker");

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("smtp.port", 3025), "127.0.0.1", "smtp"));

  @Deployment(name = "bank", order = 1, testable = false)
  @TargetsContainer("bank-server")
  static EnterpriseArchive bank() {
    return ear("split.bank.ear.file");
  }

  @Deployment(name = "marketplace", order = 2, testable = false)
  @TargetsContainer("marketplace-server")
  static EnterpriseArchive marketplace() {
    return ear("split.marketplace.ear.file");
  }

  static EnterpriseArchive ear(String property) {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(FreshData.required(property, "split")));
  }

  @Test
  @Order(1)
  void eachServerHasOnlyItsOwnDomainAndIsReadyWithItsOwnChecks() throws IOException {
    try (ModelControllerClient marketplace = marketplaceServer();
        ModelControllerClient bank = bankServer()) {
      for (String bankPart :
          List.of(
              "subsystem=datasources/data-source=BankDS",
              "subsystem=messaging-activemq/server=default/jms-queue=BankTransfers",
              "subsystem=elytron/security-domain=BankDomain",
              "subsystem=mail/mail-session=bank")) {
        assertTrue(exists(bank, bankPart), "the bank's server has " + bankPart);
        assertTrue(!exists(marketplace, bankPart), "the marketplace's server lacks " + bankPart);
      }
      for (String marketplacePart :
          List.of(
              "subsystem=datasources/data-source=MarketplaceDS",
              "subsystem=messaging-activemq/server=default/jms-queue=MarketplacePayments",
              "subsystem=messaging-activemq/server=default/jms-queue=MarketplaceOutcomes",
              "subsystem=elytron/security-domain=MarketplaceDomain")) {
        assertTrue(exists(marketplace, marketplacePart), "the marketplace has " + marketplacePart);
        assertTrue(!exists(bank, marketplacePart), "the bank's server lacks " + marketplacePart);
      }
    }
    assertEquals(
        Set.of("marketplace-database", "message-broker"), applicationChecks(Api.managementUrl()));
    assertEquals(
        Set.of("bank-database", "message-broker"),
        applicationChecks("http://127.0.0.1:" + System.getProperty("split.bank.management.port")));
    assertEquals(
        404,
        Api.anonymous().get(Api.baseUrl() + "/bank/api/v1/banks").status(),
        "no bank beside the marketplace");
    assertEquals(404, Api.anonymous().get(bankUrl() + "/api/v1/me").status(), "no marketplace");
  }

  @Test
  @Order(2)
  void aWholePurchaseRunsAcrossTheTwoServers() {
    String settlement = Market.settlementAccount();
    BigDecimal settlementBefore = Market.balance(settlement);
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, "2000.00");
    String offer = Market.activeOffer(seller, "800.00", "PT1H", "5");

    String deal = PaymentFlowIT.buy(buyer, offer);
    JsonObject payment = PaymentFlowIT.pay(mail, buyer, deal, "800.00");
    assertEquals("PROCESSING", payment.getString("status"));
    Market.await(
        buyer.api(),
        "/api/v1/payments/" + payment.getString("id"),
        p -> p.getString("status").equals("SUCCEEDED"),
        Market.PATIENCE);

    PaymentFlowIT.awaitDeal(buyer, deal, "COMPLETED");
    PaymentFlowIT.awaitBalance(seller.accountNumber(), "760.00");
    assertEquals(new BigDecimal("1200.00"), Market.balance(buyer.accountNumber()));
    PaymentFlowIT.assertCommissionPaid(deal, "40.00", settlement, settlementBefore);
  }

  @Test
  @Order(3)
  void withoutBeingToldWhereTheBankIsTheMarketplaceRefusesToStart() throws IOException {
    List<String> settings =
        List.of(
            "marketplace.bank.url", "marketplace.bank.api-key", "marketplace.bank.callback-secret");
    try (ModelControllerClient marketplace = marketplaceServer()) {
      succeed(marketplace, operation("deployment=" + MARKETPLACE_EAR, "undeploy"));
      // Blank values override the suite's environment (system properties come first in
      // MicroProfile Config); blank counts as unset.
      for (String setting : settings) {
        ModelNode add = operation("system-property=" + setting, "add");
        add.get("value").set(" ");
        succeed(marketplace, add);
      }
      try {
        ModelNode refused =
            marketplace.execute(operation("deployment=" + MARKETPLACE_EAR, "deploy"));
        assertEquals("failed", refused.get("outcome").asString(), refused.toString());
        String failure = refused.get("failure-description").toString();
        assertTrue(
            failure.contains(
                "deployed without the bank and must be told where the bank is: set"
                    + " MARKETPLACE_BANK_URL, MARKETPLACE_BANK_API_KEY,"
                    + " MARKETPLACE_BANK_CALLBACK_SECRET"),
            failure);
      } finally {
        for (String setting : settings) {
          succeed(marketplace, operation("system-property=" + setting, "remove"));
        }
      }
      succeed(marketplace, operation("deployment=" + MARKETPLACE_EAR, "deploy"));
    }
    // Told again, it starts (the deploy operation returns once it has) and is ready.
    assertEquals(
        Set.of("marketplace-database", "message-broker"), applicationChecks(Api.managementUrl()));
    assertEquals(200, Api.admin().get("/api/v1/me").status());
  }

  static String bankUrl() {
    return FreshData.required("split.bank.base.url", "split");
  }

  /** The application's readiness checks, all UP (WildFly's own, e.g. boot-errors, left out). */
  static Set<String> applicationChecks(String managementUrl) {
    Api.Reply ready = Api.anonymous().get(managementUrl + "/health/ready");
    assertEquals(200, ready.status(), ready.body());
    JsonObject health = ready.json();
    assertEquals("UP", health.getString("status"), health.toString());
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .peek(c -> assertEquals("UP", c.getString("status"), c.toString()))
        .map(c -> c.getString("name"))
        .filter(APPLICATION_CHECKS::contains)
        .collect(Collectors.toSet());
  }

  static ModelControllerClient marketplaceServer() throws IOException {
    return ModelControllerClient.Factory.create(
        "remote+http", "127.0.0.1", Integer.getInteger("management.port", 9990));
  }

  static ModelControllerClient bankServer() throws IOException {
    return ModelControllerClient.Factory.create(
        "remote+http",
        "127.0.0.1",
        Integer.parseInt(FreshData.required("split.bank.management.port", "split")));
  }

  static ModelNode operation(String address, String name) {
    ModelNode op = new ModelNode();
    op.get("operation").set(name);
    for (String part : address.split("/")) {
      String[] pair = part.split("=", 2);
      op.get("address").add(pair[0], pair[1]);
    }
    return op;
  }

  static boolean exists(ModelControllerClient server, String address) throws IOException {
    return "success"
        .equals(server.execute(operation(address, "read-resource")).get("outcome").asString());
  }

  static void succeed(ModelControllerClient server, ModelNode op) throws IOException {
    ModelNode result = server.execute(op);
    assertEquals("success", result.get("outcome").asString(), op + " -> " + result);
  }

  /**
   * Before Arquillian starts the two servers: each its own data folder and log under {@code
   * split.dir}, on PostgreSQL one database made afresh (the bank's server uses its schema bank, the
   * marketplace's its schema marketplace). Never disables anything.
   */
  static class FreshSplitData implements ExecutionCondition {

    private static boolean done;

    @Override
    public synchronized ConditionEvaluationResult evaluateExecutionCondition(
        ExtensionContext context) {
      if (!done) {
        FreshData.make(
            Path.of(FreshData.required("split.dir", "split")),
            FreshData.required("split.postgresql.database", "split"));
        done = true;
      }
      return ConditionEvaluationResult.enabled("the two servers' data is fresh");
    }
  }
}

package dev.escrow.platform.health;

import dev.escrow.platform.deployment.Domains;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The application is ready when the databases of the domains it carries answer and the message
 * broker takes connections. The checks live in the EAR's library because WildFly registers health
 * checks of the top-level deployment only, not of its sub-deployments (WFLY-12835). A domain the
 * EAR does not carry ({@link Domains}) has no check: its datasource need not exist on this server
 * (a producer's null is no check).
 */
@ApplicationScoped
public class Readiness {

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = Domains.JNDI)
  String domains;

  @Produces
  @org.eclipse.microprofile.health.Readiness
  HealthCheck marketplaceDatabase() {
    return Domains.carries(domains, Domains.MARKETPLACE)
        ? () -> database("marketplace-database", "java:jboss/datasources/MarketplaceDS")
        : null;
  }

  @Produces
  @org.eclipse.microprofile.health.Readiness
  HealthCheck bankDatabase() {
    return Domains.carries(domains, Domains.BANK)
        ? () -> database("bank-database", "java:jboss/datasources/BankDS")
        : null;
  }

  @Produces
  @org.eclipse.microprofile.health.Readiness
  HealthCheck broker() {
    return () -> {
      try (Connection connection = connectionFactory.createConnection()) {
        return HealthCheckResponse.named("message-broker").up().build();
      } catch (Exception e) {
        return down("message-broker", e);
      }
    };
  }

  private static HealthCheckResponse database(String name, String jndiName) {
    try (java.sql.Connection connection =
        ((DataSource) new InitialContext().lookup(jndiName)).getConnection()) {
      return HealthCheckResponse.named(name).status(connection.isValid(2)).build();
    } catch (Exception e) {
      return down(name, e);
    }
  }

  private static HealthCheckResponse down(String name, Exception e) {
    return HealthCheckResponse.named(name)
        .down()
        .withData("error", e.getClass().getSimpleName())
        .build();
  }
}

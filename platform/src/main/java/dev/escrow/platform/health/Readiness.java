package dev.escrow.platform.health;

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
 * The application is ready when the databases of the domains it carries answer ({@link
 * DatabaseReadiness}) and the message broker takes connections. The checks live in the EAR's
 * library because WildFly registers health checks of the top-level deployment only, not of its
 * sub-deployments (WFLY-12835).
 */
@ApplicationScoped
public class Readiness {

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory connectionFactory;

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

  static HealthCheckResponse database(String name, String jndiName) {
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

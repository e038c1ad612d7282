package dev.escrow.platform.health;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;

/**
 * One readiness check per database of a domain that the deployment carries: escrow.ear both,
 * escrow-bank.ear and escrow-marketplace.ear their own only, so that a server of one domain needs
 * no datasource of the other; and the database of the timers and jobs (JobsDS), which both need. A
 * domain is carried when its enterprise beans are in the deployment (their types are discovered
 * before any bean is made); the checks are added as beans then. A producer cannot leave a check
 * out: WildFly's health extension destroys every check it was given when the deployment stops, and
 * fails on a null one.
 */
public class DatabaseReadiness implements Extension {

  private final Set<String> carried = ConcurrentHashMap.newKeySet();

  void domainOf(
      @Observes
          @WithAnnotations({
            jakarta.ejb.Singleton.class,
            jakarta.ejb.Stateless.class,
            jakarta.ejb.MessageDriven.class
          })
          ProcessAnnotatedType<?> type) {
    String name = type.getAnnotatedType().getJavaClass().getName();
    if (name.startsWith("dev.escrow.marketplace.")) {
      carried.add("marketplace");
    } else if (name.startsWith("dev.escrow.bank.")) {
      carried.add("bank");
    }
  }

  void checks(@Observes AfterBeanDiscovery discovery) {
    if (carried.contains("marketplace")) {
      add(discovery, "marketplace-database", "java:jboss/datasources/MarketplaceDS");
    }
    if (carried.contains("bank")) {
      add(discovery, "bank-database", "java:jboss/datasources/BankDS");
    }
    // The timers, the job history and the login throttle, shared by the nodes of a cluster.
    add(discovery, "jobs-database", "java:jboss/datasources/JobsDS");
  }

  private static void add(AfterBeanDiscovery discovery, String name, String jndiName) {
    discovery
        .addBean()
        .id(DatabaseReadiness.class.getName() + "." + name)
        .beanClass(DatabaseReadiness.class)
        .types(HealthCheck.class, Object.class)
        .qualifiers(
            org.eclipse.microprofile.health.Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
        .scope(Dependent.class)
        .createWith(context -> (HealthCheck) () -> Readiness.database(name, jndiName));
  }
}

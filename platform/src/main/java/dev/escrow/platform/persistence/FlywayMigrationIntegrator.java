package dev.escrow.platform.persistence;

import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Applies a persistence unit's Flyway migrations while Hibernate builds that unit, before it
 * validates the schema: a {@code @Startup} bean would run too late, after validation has already
 * failed on an empty database.
 *
 * <p>A unit opts in with the properties {@code escrow.flyway.locations} and {@code
 * escrow.flyway.schema} in its persistence.xml; units without them are left alone.
 */
public class FlywayMigrationIntegrator implements Integrator {

  static final String LOCATIONS = "escrow.flyway.locations";
  static final String SCHEMA = "escrow.flyway.schema";
  private static final Logger LOG = Logger.getLogger(FlywayMigrationIntegrator.class.getName());

  @Override
  public void integrate(
      Metadata metadata,
      BootstrapContext bootstrapContext,
      SessionFactoryImplementor sessionFactory) {
    Map<String, Object> properties = sessionFactory.getProperties();
    Object locations = properties.get(LOCATIONS);
    if (locations == null) {
      return;
    }
    DataSource dataSource =
        sessionFactory
            .getServiceRegistry()
            .requireService(ConnectionProvider.class)
            .unwrap(DataSource.class);
    ClassLoader classLoader =
        metadata.getEntityBindings().iterator().next().getMappedClass().getClassLoader();
    MigrateResult result =
        Flyway.configure(classLoader)
            .dataSource(dataSource)
            .locations(locations.toString())
            .schemas(String.valueOf(properties.get(SCHEMA)))
            .createSchemas(true)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Schema "
                + properties.get(SCHEMA)
                + ": "
                + result.migrationsExecuted
                + " migration(s) applied, now at version "
                + result.targetSchemaVersion);
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor sessionFactory,
      org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
    // nothing to release
  }
}

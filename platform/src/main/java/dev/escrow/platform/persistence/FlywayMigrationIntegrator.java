package dev.escrow.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
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
 * escrow.flyway.schema} in its persistence.xml; units without them are left alone. {@code {vendor}}
 * in a location stands for the database's kind ({@code postgresql}, {@code h2}): migrations that
 * only one kind understands (a PostgreSQL extension, say) live in such a location, with versions
 * between the common ones (V4_1 after V4) so that both kinds keep one order.
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
            .locations(locations.toString().replace("{vendor}", vendor(dataSource)).split(","))
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

  /** The database's kind in lower case, as its JDBC driver names it ("postgresql", "h2"). */
  static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell the database's kind", e);
    }
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor sessionFactory,
      org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
    // nothing to release
  }
}

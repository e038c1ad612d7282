package dev.escrow.platform.persistence;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Hibernate's H2 dialect, saying that H2 (2.2) takes {@code SKIP LOCKED}: Hibernate 6.6's does not,
 * and renders a PESSIMISTIC_WRITE lock with lock timeout -2 as a plain {@code FOR UPDATE} that
 * waits, where a batch claiming work must leave out what another transaction holds. PostgreSQL's
 * dialect needs nothing: it renders {@code FOR NO KEY UPDATE SKIP LOCKED}.
 */
public class SkipLockedH2Dialect extends H2Dialect {

  public SkipLockedH2Dialect(DialectResolutionInfo info) {
    super(info);
  }

  @Override
  public boolean supportsSkipLocked() {
    return true;
  }

  @Override
  public String getForUpdateSkipLockedString() {
    return getForUpdateString() + " skip locked";
  }

  @Override
  public String getForUpdateSkipLockedString(String aliases) {
    return getForUpdateString(aliases) + " skip locked";
  }

  /**
   * Chooses this dialect for H2 and leaves every other database to Hibernate's own resolution
   * (persistence unit property {@code hibernate.dialect_resolvers}).
   */
  public static class Resolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
      return "H2".equals(info.getDatabaseName()) ? new SkipLockedH2Dialect(info) : null;
    }
  }
}

package dev.escrow.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.junit.jupiter.api.Test;

/** What Hibernate sends H2 for a claim (PESSIMISTIC_WRITE, lock timeout -2) and for a lock. */
class SkipLockedH2DialectTest {

  @Entity(name = "ClaimedRow")
  @Table(name = "claimed_row")
  public static class ClaimedRow {
    @Id Long id;
  }

  /** A JSON format mapper for a test that maps no JSON. */
  public static class NoJson implements FormatMapper {
    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aClaimSkipsWhatAnotherTransactionHoldsAndALockWaits() {
    List<String> sent = new CopyOnWriteArrayList<>();
    Configuration configuration =
        new Configuration()
            .addAnnotatedClass(ClaimedRow.class)
            .setProperty("hibernate.connection.url", "jdbc:h2:mem:skiplocked;DB_CLOSE_DELAY=-1")
            .setProperty(
                "hibernate.dialect_resolvers", SkipLockedH2Dialect.Resolver.class.getName())
            .setProperty("hibernate.hbm2ddl.auto", "create-drop")
            // No JSON here: spares Hibernate looking for a JSON-B provider the tests lack.
            .setProperty("hibernate.type.json_format_mapper", NoJson.class.getName());
    configuration.setStatementInspector(
        sql -> {
          sent.add(sql.toLowerCase());
          return sql;
        });
    try (SessionFactory factory = configuration.buildSessionFactory();
        Session session = factory.openSession()) {
      session.beginTransaction();
      session
          .createQuery(
              "select r from ClaimedRow r where r.id in :ids order by r.id", ClaimedRow.class)
          .setParameter("ids", List.of(1L, 2L))
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .setHint("jakarta.persistence.lock.timeout", -2)
          .getResultList();
      session
          .createQuery(
              "select r from ClaimedRow r where r.id in :ids order by r.id", ClaimedRow.class)
          .setParameter("ids", List.of(3L))
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getResultList();
      session.getTransaction().commit();
    }
    assertTrue(
        sent.stream().anyMatch(s -> s.endsWith("order by cr1_0.id for update skip locked")),
        "" + sent);
    assertTrue(sent.stream().anyMatch(s -> s.endsWith("order by cr1_0.id for update")), "" + sent);
  }
}

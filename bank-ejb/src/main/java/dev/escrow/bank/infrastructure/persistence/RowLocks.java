package dev.escrow.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Locks one row until the transaction ends. On PostgreSQL the lock is FOR NO KEY UPDATE, not FOR
 * UPDATE: a row another transaction merely references (an authorization or a ledger row pointing at
 * an account takes FOR KEY SHARE on it) must not wait for, or deadlock with, a transfer that
 * changes the account's balance. H2 knows only FOR UPDATE (and no such foreign-key locks).
 */
@ApplicationScoped
public class RowLocks {

  private static final Set<String> TABLES =
      Set.of("account", "operation", "transfer", "authorization_request", "fee_income");

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  private volatile String clause;

  /** Locks the row of {@code table} with primary key {@code id}; false when there is none. */
  public boolean lock(String table, String idColumn, long id) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("Not a lockable table: " + table);
    }
    return !em.createNativeQuery(
            "select " + idColumn + " from " + table + " where " + idColumn + " = ?1" + clause())
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  /** Locks the row of {@code table} with the two-column key ({@code id}, {@code part}). */
  public boolean lock(String table, String idColumn, long id, String partColumn, long part) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("Not a lockable table: " + table);
    }
    return !em.createNativeQuery(
            "select "
                + idColumn
                + " from "
                + table
                + " where "
                + idColumn
                + " = ?1 and "
                + partColumn
                + " = ?2"
                + clause())
        .setParameter(1, id)
        .setParameter(2, part)
        .getResultList()
        .isEmpty();
  }

  /**
   * Locks, in one statement, the rows of {@code table} whose {@code idColumn} is one of {@code
   * ids}, in ascending order of it (the order every transaction locks them in); answers the ids
   * locked. With {@code skipLocked} a row another transaction holds is left out rather than waited
   * for: two servers claiming work from one database each take what the other does not hold. Read
   * the rows after this (H2 answers a row it waited for as it was before the wait).
   */
  public List<Long> lockAll(
      String table, String idColumn, Collection<Long> ids, boolean skipLocked) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("Not a lockable table: " + table);
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "select "
                    + idColumn
                    + " from "
                    + table
                    + " where "
                    + idColumn
                    + " in (:ids) order by "
                    + idColumn
                    + clause()
                    + (skipLocked ? " skip locked" : ""))
            .setParameter("ids", new TreeSet<>(ids))
            .getResultList();
    return rows.stream().map(r -> ((Number) r).longValue()).toList();
  }

  /**
   * Locks the fee income parts named by (bank id, part), in (bank, part) order, in one statement.
   */
  public void lockParts(Collection<long[]> bankAndPart) {
    if (bankAndPart.isEmpty()) {
      return;
    }
    StringBuilder in = new StringBuilder();
    for (long[] key : bankAndPart) {
      in.append(in.isEmpty() ? "" : ", ")
          .append('(')
          .append(key[0])
          .append(", ")
          .append(key[1])
          .append(')');
    }
    em.createNativeQuery(
            "select bank_id from fee_income where (bank_id, part) in ("
                + in
                + ") order by bank_id, part"
                + clause())
        .getResultList();
  }

  private String clause() {
    String known = clause;
    if (known == null) {
      String product =
          em.unwrap(Session.class)
              .doReturningWork(c -> c.getMetaData().getDatabaseProductName())
              .toLowerCase();
      known = product.contains("postgres") ? " for no key update" : " for update";
      clause = known;
    }
    return known;
  }
}

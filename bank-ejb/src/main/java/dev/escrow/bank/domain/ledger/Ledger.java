package dev.escrow.bank.domain.ledger;

import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;

/** Appends rows (never changes them) and sums them for the audit. */
@ApplicationScoped
public class Ledger {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  public void record(LedgerEntry entry) {
    em.persist(entry);
  }

  /** The rows a transfer wrote when it was carried out (not reversals). */
  public List<LedgerEntry> originalRowsOf(Transfer transfer) {
    return em.createQuery(
            "select e from LedgerEntry e where e.transfer = :t and e.reverses is null"
                + " and e.kind <> :reversal order by e.id",
            LedgerEntry.class)
        .setParameter("t", transfer)
        .setParameter("reversal", EntryKind.REVERSAL)
        .getResultList();
  }

  /** All money ever deposited (deposits are never reversed). */
  public Money deposits() {
    return sum("select coalesce(sum(amount), 0) from ledger_entry where kind = 'DEPOSIT'");
  }

  Money sum(String sql) {
    Object value = em.createNativeQuery(sql).getSingleResult();
    return Money.ofStored(new BigDecimal(value.toString()));
  }

  /**
   * Deposits, balances, held and fees in one statement, so that they are read from one snapshot
   * even while transfers run.
   */
  public List<Money> auditFigures() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select (select coalesce(sum(amount), 0) from ledger_entry where kind ="
                        + " 'DEPOSIT'), (select coalesce(sum(balance), 0) from account), (select"
                        + " coalesce(sum(held), 0) from account), (select coalesce(sum(amount), 0)"
                        + " from fee_income)")
                .getSingleResult();
    return java.util.Arrays.stream(row)
        .map(v -> Money.ofStored(new BigDecimal(v.toString())))
        .toList();
  }

  /** Sums a money column over a table with native SQL (the audit's figures). */
  public Money sumOf(String column, String table) {
    return sum("select coalesce(sum(" + column + "), 0) from " + table);
  }
}

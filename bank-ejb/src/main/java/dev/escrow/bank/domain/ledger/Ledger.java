package dev.escrow.bank.domain.ledger;

import dev.escrow.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The book of record. {@link #post} is the one way money moves: it changes the locked buckets and
 * appends their rows (never changes them) together, so the two cannot disagree. The audit sums the
 * rows back, per bucket.
 */
@ApplicationScoped
public class Ledger {

  /** How many disagreeing buckets of each kind the audit names (it counts them all). */
  public static final int NAMED = 100;

  private static final String SIGNED =
      "case when direction = 'CREDIT' then amount else -amount end";

  private static final String SIGNED_E =
      "case when e.direction = 'CREDIT' then e.amount else -e.amount end";

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  /** Moves the posting's money on its locked accounts and fee income and writes its rows. */
  public void post(Posting posting) {
    posting.apply().forEach(em::persist);
  }

  /**
   * The rows a transfer wrote when it was carried out (not reversals). By the transfer's index
   * alone: with "reverses is null" in the query, a PostgreSQL without statistics on the table (no
   * ANALYZE yet) also scanned the whole unique index on reverses, every row of the ledger.
   */
  public List<LedgerEntry> originalRowsOf(long transferId) {
    return em
        .createQuery(
            "select e from LedgerEntry e where e.transferId = :t order by e.id", LedgerEntry.class)
        .setParameter("t", transferId)
        .getResultList()
        .stream()
        .filter(e -> e.reverses() == null && e.kind() != EntryKind.REVERSAL)
        .toList();
  }

  /**
   * Deposits, balances, held and fees in one statement, so that they are read from one snapshot
   * even while transfers run. Deposits are what the DEPOSITS buckets gave.
   */
  public List<Money> auditFigures() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select (select coalesce(sum(case when direction = 'DEBIT' then amount else"
                        + " -amount end), 0) from ledger_entry where bucket = 'DEPOSITS'),"
                        + " (select coalesce(sum(balance), 0) from account), (select"
                        + " coalesce(sum(held), 0) from account), (select coalesce(sum(amount), 0)"
                        + " from fee_income)")
                .getSingleResult();
    return Arrays.stream(row).map(Ledger::money).toList();
  }

  /**
   * The accounts whose balance or held is not the sum of their rows: one grouped pass, the accounts
   * joined straight to their rows (one statement, one snapshot), the first {@link #NAMED} by id. A
   * join to a grouped subquery instead ran for minutes on H2 with 100 000 accounts.
   */
  public Disagreements<AccountDisagreement> accountsThatDisagree() {
    String balance = "coalesce(sum(case when e.bucket = 'BALANCE' then " + SIGNED_E + " end), 0)";
    String held = "coalesce(sum(case when e.bucket = 'HELD' then " + SIGNED_E + " end), 0)";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select a.number, a.balance, "
                    + balance
                    + ", a.held, "
                    + held
                    + ", count(*) over () from account a left join ledger_entry e on e.account_id"
                    + " = a.id group by a.id, a.number, a.balance, a.held having a.balance <> "
                    + balance
                    + " or a.held <> "
                    + held
                    + " order by a.id")
            .setMaxResults(NAMED)
            .getResultList();
    List<AccountDisagreement> named = new ArrayList<>();
    for (Object[] r : rows) {
      named.add(
          new AccountDisagreement(
              r[0].toString(), money(r[1]), money(r[2]), money(r[3]), money(r[4])));
    }
    return new Disagreements<>(rows.isEmpty() ? 0 : count(rows.get(0)[5]), named);
  }

  /**
   * The parts of the banks' fee income that are not the sum of their rows (a fee row's part is its
   * transfer's, as {@code FeeIncome.partOf} says: transfer id mod 16): the parts and the fee rows
   * summed in one grouped pass (one statement).
   */
  public Disagreements<FeeDisagreement> feeIncomeThatDisagrees() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select bank_id, part, sum(amount), sum(ledger_amount), count(*) over () from"
                    + " (select bank_id, part, amount, 0 ledger_amount from fee_income union all"
                    + " select bank_id, mod(transfer_id, 16), 0, "
                    + SIGNED
                    + " from ledger_entry where bucket = 'FEE_INCOME') x group by bank_id, part"
                    + " having sum(amount) <> sum(ledger_amount) order by bank_id, part")
            .setMaxResults(NAMED)
            .getResultList();
    List<FeeDisagreement> named = new ArrayList<>();
    for (Object[] r : rows) {
      named.add(
          new FeeDisagreement(
              ((Number) r[0]).longValue(), ((Number) r[1]).intValue(), money(r[2]), money(r[3])));
    }
    return new Disagreements<>(rows.isEmpty() ? 0 : count(rows.get(0)[4]), named);
  }

  private static Money money(Object value) {
    return Money.ofStored(new BigDecimal(value.toString()));
  }

  private static int count(Object value) {
    return ((Number) value).intValue();
  }

  /** How many buckets disagree, and the first of them. */
  public record Disagreements<T>(int count, List<T> named) {}

  /** An account whose figures are not what its rows add up to. */
  public record AccountDisagreement(
      String number, Money balance, Money ledgerBalance, Money held, Money ledgerHeld) {}

  /** A part of a bank's fee income that is not what its rows add up to. */
  public record FeeDisagreement(long bankId, int part, Money amount, Money ledgerAmount) {}
}

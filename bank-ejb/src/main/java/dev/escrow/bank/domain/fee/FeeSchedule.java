package dev.escrow.bank.domain.fee;

import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The inter-bank fee schedule and each bank's fee income. */
@ApplicationScoped
public class FeeSchedule {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  public List<FeeRate> rates() {
    return em.createQuery(
            "select r from FeeRate r order by r.fromBank.code, r.toBank.code", FeeRate.class)
        .getResultList();
  }

  public Optional<FeeRate> rate(Bank from, Bank to) {
    return em.createQuery(
            "select r from FeeRate r where r.fromBank = :f and r.toBank = :t", FeeRate.class)
        .setParameter("f", from)
        .setParameter("t", to)
        .getResultStream()
        .findFirst();
  }

  /** The percent of a transfer from one bank to another: 0 within a bank or for unlisted pairs. */
  public Percent percent(Bank from, Bank to) {
    if (from.id().equals(to.id())) {
      return Percent.ZERO;
    }
    return rate(from, to).map(FeeRate::percent).orElse(Percent.ZERO);
  }

  public Money feeFor(Money amount, Bank from, Bank to) {
    return amount.percent(percent(from, to));
  }

  public void set(Bank from, Bank to, Percent percent) {
    rate(from, to)
        .ifPresentOrElse(r -> r.change(percent), () -> em.persist(new FeeRate(from, to, percent)));
  }

  /** Locks the part of the bank's fee income that the fee of this transfer belongs to. */
  public FeeIncome lockIncome(long bankId, long transferId) {
    FeeIncome income =
        em.find(FeeIncome.class, new FeeIncome.Key(bankId, FeeIncome.partOf(transferId)));
    em.refresh(income, LockModeType.PESSIMISTIC_WRITE);
    return income;
  }

  /**
   * Locks, in one statement and in the bank's order (bank, then part), the parts of fee income that
   * the fees of these transfers go to, keyed by "bankId:part" ({@link #partKey}).
   */
  public Map<String, FeeIncome> lockIncomes(Map<Long, Long> payerBankByTransfer) {
    Map<String, long[]> parts = new TreeMap<>();
    payerBankByTransfer.forEach(
        (transferId, bankId) ->
            parts.put(
                partKey(bankId, transferId), new long[] {bankId, FeeIncome.partOf(transferId)}));
    Map<String, FeeIncome> locked = new TreeMap<>();
    if (parts.isEmpty()) {
      return locked;
    }
    StringBuilder which = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      which
          .append(i == 0 ? "" : " or ")
          .append("(i.bankId = ?" + (2 * i + 1))
          .append(" and i.part = ?" + (2 * i + 2) + ")");
    }
    TypedQuery<FeeIncome> query =
        em.createQuery(
                "select i from FeeIncome i where " + which + " order by i.bankId, i.part",
                FeeIncome.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE);
    int position = 1;
    for (long[] key : parts.values()) {
      query.setParameter(position++, key[0]).setParameter(position++, (int) key[1]);
    }
    for (FeeIncome income : query.getResultList()) {
      locked.put(income.bankId() + ":" + income.part(), income);
    }
    return locked;
  }

  /** The key of {@link #lockIncomes}'s answer for the fee of one transfer. */
  public static String partKey(long bankId, long transferId) {
    return bankId + ":" + FeeIncome.partOf(transferId);
  }

  /** What each bank has earned: the sum of its parts, by bank id. */
  public Map<Long, Money> incomeByBank() {
    Map<Long, Money> byBank = new TreeMap<>();
    for (FeeIncome part :
        em.createQuery("select i from FeeIncome i", FeeIncome.class).getResultList()) {
      byBank.merge(part.bankId(), part.amount(), Money::plus);
    }
    return byBank;
  }
}

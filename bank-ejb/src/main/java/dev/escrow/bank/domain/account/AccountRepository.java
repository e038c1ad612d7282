package dev.escrow.bank.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Accounts by number; locking several at once always in the order of their ids. */
@ApplicationScoped
public class AccountRepository {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  public Account add(Account account) {
    em.persist(account);
    return account;
  }

  public Optional<Account> byNumber(String number) {
    if (!AccountNumber.isWellFormed(number)) {
      return Optional.empty();
    }
    return em.createQuery("select a from Account a where a.number = :n", Account.class)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }

  public boolean numberTaken(AccountNumber number) {
    return !em.createQuery("select a.id from Account a where a.number = :n", Long.class)
        .setParameter("n", number.value())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Locks the account's row and answers its state as it is now (re-read under the lock, also when
   * this transaction had read it before).
   */
  public Account lock(long id) {
    Account account = em.find(Account.class, id);
    if (account != null) {
      em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
    }
    return account;
  }

  /**
   * Locks the accounts one by one in ascending id order: two transactions that need the same
   * accounts always queue in the same order and never deadlock.
   */
  public Map<Long, Account> lockInOrder(Collection<Long> ids) {
    List<Account> locked = new ArrayList<>();
    for (Long id : new TreeSet<>(ids)) {
      locked.add(lock(id));
    }
    return locked.stream().collect(Collectors.toMap(Account::id, Function.identity()));
  }

  /**
   * Locks the accounts in one statement, in ascending id order (the same order as {@link
   * #lockInOrder}, so the two never deadlock), waiting for any another transaction holds.
   */
  public Map<Long, Account> lockAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("select a from Account a where a.id in :ids order by a.id", Account.class)
        .setParameter("ids", new TreeSet<>(ids))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .collect(Collectors.toMap(Account::id, Function.identity()));
  }

  public List<Account> ofCustomer(long customerId) {
    return em.createQuery(
            "select a from Account a join fetch a.bank where a.customer.id = :c order by a.id",
            Account.class)
        .setParameter("c", customerId)
        .getResultList();
  }

  public List<Account> search(String text, int limit) {
    String like = (text == null ? "" : text.strip().toUpperCase()) + "%";
    return em.createQuery(
            "select a from Account a join fetch a.bank join fetch a.customer"
                + " where a.number like :t order by a.number",
            Account.class)
        .setParameter("t", like)
        .setMaxResults(limit)
        .getResultList();
  }
}

package dev.escrow.bank.domain.transfer;

import dev.escrow.bank.domain.partner.ApiClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Transfers and their operations. */
@ApplicationScoped
public class TransferRepository {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  /**
   * The lock timeout that makes a PESSIMISTIC_WRITE lock leave out the rows another transaction
   * holds ({@code SKIP LOCKED}) instead of waiting for them.
   */
  private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";

  private static final int SKIP_LOCKED = -2;

  public void add(Transfer transfer) {
    em.persist(transfer);
  }

  public void flush() {
    em.flush();
  }

  /**
   * No flush before this transaction's queries, only when asked or at its commit: a batch's inserts
   * then go out together, in JDBC batches, instead of one by one before each item's lookups.
   */
  public void flushAtCommit() {
    em.setFlushMode(FlushModeType.COMMIT);
  }

  public void add(Operation operation) {
    em.persist(operation);
  }

  public Optional<Transfer> byPublicId(ApiClient client, String publicId) {
    return em.createQuery(
            "select t from Transfer t where t.publicId = :p and t.client = :c", Transfer.class)
        .setParameter("p", publicId)
        .setParameter("c", client)
        .getResultStream()
        .findFirst();
  }

  public Optional<Transfer> byIdempotencyKey(ApiClient client, String key) {
    return em.createQuery(
            "select t from Transfer t where t.idempotencyKey = :k and t.client = :c",
            Transfer.class)
        .setParameter("k", key)
        .setParameter("c", client)
        .getResultStream()
        .findFirst();
  }

  /** Ids of transfers still ACCEPTED that were accepted before {@code before}, oldest first. */
  public java.util.List<Long> acceptedBefore(java.time.Instant before, int max) {
    return em.createQuery(
            "select t.id from Transfer t where t.status = :s and t.acceptedAt < :b order by t.id",
            Long.class)
        .setParameter("s", TransferStatus.ACCEPTED)
        .setParameter("b", before)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * What a batch may carry out: transfers still ACCEPTED that are due (accepted before {@code
   * due}), and transfer {@code also} whatever its time, oldest first, as (transfer id, operation
   * id, payer account id, payee account id). Read without locks: the batch locks what it takes. The
   * ids come from the row, not from the entities' associations: {@code payer().id()} on a lazy
   * proxy loads the account (unlocked) into the persistence context, and a locking query afterwards
   * answers that stale instance (a lost update on H2 showed it).
   */
  public List<Long[]> dueForExecution(java.time.Instant due, long also, int max) {
    return em
        .createQuery(
            "select t.id, t.operation.id, t.payer.id, t.payee.id from Transfer t"
                + " where t.status = :s"
                + " and (t.acceptedAt <= :due or t.id = :also) order by t.id",
            Object[].class)
        .setParameter("s", TransferStatus.ACCEPTED)
        .setParameter("due", due)
        .setParameter("also", also)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(r -> new Long[] {(Long) r[0], (Long) r[1], (Long) r[2], (Long) r[3]})
        .toList();
  }

  /**
   * Locks and loads the operations of a batch, by id, leaving out those another transaction holds
   * (another server's batch takes them); one statement.
   */
  public List<Operation> lockOperationsUnlessHeld(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select o from Operation o where o.id in :ids order by o.id", Operation.class)
        .setParameter("ids", new TreeSet<>(ids))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint(LOCK_TIMEOUT, SKIP_LOCKED)
        .getResultList();
  }

  /**
   * Claims the transfers among {@code ids} that are still ACCEPTED and that no other transaction
   * holds ({@code FOR UPDATE SKIP LOCKED}), by id; one statement.
   */
  public List<Transfer> claimAccepted(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select t from Transfer t where t.id in :ids and t.status = :s order by t.id",
            Transfer.class)
        .setParameter("ids", new TreeSet<>(ids))
        .setParameter("s", TransferStatus.ACCEPTED)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint(LOCK_TIMEOUT, SKIP_LOCKED)
        .getResultList();
  }

  public Optional<Transfer> byId(long id) {
    return Optional.ofNullable(em.find(Transfer.class, id));
  }

  public Transfer lock(long id) {
    Transfer transfer = em.find(Transfer.class, id);
    if (transfer != null) {
      em.refresh(transfer, LockModeType.PESSIMISTIC_WRITE);
    }
    return transfer;
  }

  public List<Transfer> ofOperation(Operation operation) {
    return em.createQuery(
            "select t from Transfer t where t.operation = :o order by t.id", Transfer.class)
        .setParameter("o", operation)
        .getResultList();
  }

  public Optional<Operation> operationByKey(ApiClient client, String key) {
    return em.createQuery(
            "select o from Operation o where o.key = :k and o.client = :c", Operation.class)
        .setParameter("k", key)
        .setParameter("c", client)
        .getResultStream()
        .findFirst();
  }

  public Optional<Operation> operationByGroup(ApiClient client, String groupReference) {
    return em.createQuery(
            "select o from Operation o where o.groupReference = :g and o.client = :c",
            Operation.class)
        .setParameter("g", groupReference)
        .setParameter("c", client)
        .getResultStream()
        .findFirst();
  }

  /** The operations of these group references that exist, by group reference; not locked. */
  public Map<String, Operation> operationsByGroup(ApiClient client, Collection<String> groups) {
    if (groups.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "select o from Operation o where o.groupReference in :g and o.client = :c",
            Operation.class)
        .setParameter("g", new TreeSet<>(groups))
        .setParameter("c", client)
        .getResultStream()
        .collect(Collectors.toMap(Operation::groupReference, Function.identity()));
  }

  /** Locks the operation: every change to it or its transfers' money goes one at a time. */
  public Operation lock(Operation operation) {
    return lockOperation(operation.id());
  }

  public Operation lockOperation(long id) {
    Operation operation = em.find(Operation.class, id);
    if (operation != null) {
      em.refresh(operation, LockModeType.PESSIMISTIC_WRITE);
    }
    return operation;
  }
}

package dev.escrow.marketplace.domain.dealstatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Deal statuses, system ones first. */
@ApplicationScoped
public class DealStatusRepository {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  public List<DealStatus> all() {
    return em.createQuery(
            "select s from DealStatus s order by s.system desc, s.id", DealStatus.class)
        .getResultList();
  }

  public Optional<DealStatus> findById(long id) {
    return Optional.ofNullable(em.find(DealStatus.class, id));
  }

  public Optional<DealStatus> findByCode(String code) {
    return em.createQuery("select s from DealStatus s where s.code = :c", DealStatus.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst();
  }

  public boolean codeTaken(String code) {
    return findByCode(code).isPresent();
  }

  /** Whether another status (not the one with {@code exceptId}) already has this name. */
  public boolean nameTaken(String name, Long exceptId) {
    return em.createQuery("select s from DealStatus s where lower(s.name) = :n", DealStatus.class)
        .setParameter("n", name.strip().toLowerCase(Locale.ROOT))
        .getResultStream()
        .anyMatch(s -> !s.id().equals(exceptId));
  }

  /** Adds it; one that a concurrent request added first (a unique key) is a conflict. */
  public DealStatus add(DealStatus status) {
    try {
      em.persist(status);
      em.flush();
      return status;
    } catch (jakarta.persistence.PersistenceException duplicate) {
      throw new dev.escrow.marketplace.domain.StateConflictException(
          "The same status was added at the same moment");
    }
  }

  /**
   * Writes a rename now: a name that a concurrent request took first (a unique key) is a conflict
   * here, not a failed commit, which the EJB container would log at ERROR with its stack.
   */
  public void renamed(DealStatus status) {
    try {
      em.flush();
    } catch (jakarta.persistence.PersistenceException duplicate) {
      throw new dev.escrow.marketplace.domain.StateConflictException(
          "Another status was given this name at the same moment");
    }
  }

  /** Removes it; one that a deal took at the same moment (the deal's key) is a conflict. */
  public void remove(DealStatus status) {
    try {
      em.remove(status);
      em.flush();
    } catch (jakarta.persistence.PersistenceException inUse) {
      throw new dev.escrow.marketplace.domain.StateConflictException(
          "A deal was given this status at the same moment");
    }
  }
}

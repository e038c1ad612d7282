package dev.escrow.marketplace.domain.offer;

import dev.escrow.platform.money.Percent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

/** Offers: the seller's own, the catalogue, the moderation queue. */
@ApplicationScoped
public class OfferRepository {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  public Optional<Offer> findById(long id) {
    return Optional.ofNullable(em.find(Offer.class, id));
  }

  /**
   * The offer locked for a change of state (deals reserve offers under this lock), re-read under
   * the lock as every locked row is.
   */
  public Optional<Offer> findForUpdate(long id) {
    Offer found = em.find(Offer.class, id);
    if (found != null) {
      em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
    }
    return Optional.ofNullable(found);
  }

  public List<Offer> ofSeller(long sellerId) {
    return em.createQuery(
            "select o from Offer o join fetch o.seller where o.seller.id = :s order by o.id desc",
            Offer.class)
        .setParameter("s", sellerId)
        .getResultList();
  }

  public List<Offer> withStatus(OfferStatus status) {
    TypedQuery<Offer> query =
        status == null
            ? em.createQuery("select o from Offer o join fetch o.seller order by o.id", Offer.class)
            : em.createQuery(
                    "select o from Offer o join fetch o.seller where o.status = :st order by o.id",
                    Offer.class)
                .setParameter("st", status);
    return query.getResultList();
  }

  /** From this many offers skipped, a search page is found through the text (see catalogue). */
  static final int DEEP_SEARCH = 200;

  /**
   * One page of the catalogue: active, published offers whose title or description contains the
   * text (any case), newest first, optionally without one seller's own.
   *
   * <p>The first page in one query; the others in two steps: the page's ids first (on PostgreSQL an
   * index-only scan of {@code ix_offer_catalogue}, so the offset skips index entries rather than
   * whole rows: a deep page costs little more than the first), then those offers with their
   * sellers.
   */
  public List<Offer> catalogue(String text, Long excludedSeller, int first, int size) {
    // A deep page of a search is ordered by an expression, so that PostgreSQL finds the matches
    // through the trigram indexes and sorts them, rather than walking the id index backwards and
    // testing every offer against the text: it underrates that test, and for page 242 of a word
    // in one offer of twenty the walk took 150 ms instead of 8 ms (EXPLAIN ANALYZE, 100 000
    // offers). The first pages keep the walk, which stops as soon as the page is full.
    boolean deepSearch = text != null && !text.isBlank() && first >= DEEP_SEARCH;
    if (first == 0) {
      // the first page skips nothing: one query, the walk stops once the page is full
      return catalogueQuery(
              "select o from Offer o join fetch o.seller",
              text,
              excludedSeller,
              Offer.class,
              " order by o.id desc")
          .setMaxResults(size)
          .setHint(HibernateHints.HINT_READ_ONLY, true)
          .getResultList();
    }
    List<Long> ids =
        catalogueQuery(
                "select o.id from Offer o",
                text,
                excludedSeller,
                Long.class,
                deepSearch ? " order by o.id + 0 desc" : " order by o.id desc")
            .setFirstResult(first)
            .setMaxResults(size)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select o from Offer o join fetch o.seller where o.id in :ids order by o.id desc",
            Offer.class)
        .setParameter("ids", ids)
        .setHint(HibernateHints.HINT_READ_ONLY, true) // shown, never changed: no dirty check
        .getResultList();
  }

  /** How many offers {@link #catalogue} finds in all. */
  public long catalogueCount(String text, Long excludedSeller) {
    return catalogueQuery("select count(o) from Offer o", text, excludedSeller, Long.class, "")
        .getSingleResult();
  }

  private <T> TypedQuery<T> catalogueQuery(
      String select, String text, Long excludedSeller, Class<T> type, String order) {
    StringBuilder jpql =
        new StringBuilder(select).append(" where o.status = :active and o.published = true");
    boolean search = text != null && !text.isBlank();
    if (search) {
      jpql.append(
          " and (lower(o.title) like :text escape '\\' or lower(o.description) like :text"
              + " escape '\\')");
    }
    if (excludedSeller != null) {
      jpql.append(" and o.seller.id <> :seller");
    }
    TypedQuery<T> query =
        em.createQuery(jpql.append(order).toString(), type)
            .setParameter("active", OfferStatus.ACTIVE);
    if (search) {
      query.setParameter("text", "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (excludedSeller != null) {
      query.setParameter("seller", excludedSeller);
    }
    return query;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** Sets one commission on every offer in one statement; returns how many offers changed. */
  public int setCommissionOnAll(Percent commission, Instant now) {
    em.flush();
    int updated =
        em.createQuery(
                "update Offer o set o.commissionPercent = :c, o.updatedAt = :now,"
                    + " o.version = o.version + 1")
            .setParameter("c", commission)
            .setParameter("now", now)
            .executeUpdate();
    em.clear();
    return updated;
  }

  public Offer add(Offer offer) {
    em.persist(offer);
    em.flush();
    return offer;
  }
}

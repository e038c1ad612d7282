package dev.escrow.marketplace.domain.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** The one row of settings, created by the migration. */
@ApplicationScoped
public class SettingsRepository {

  @PersistenceContext(unitName = "marketplace")
  EntityManager em;

  public MarketplaceSettings current() {
    return em.find(MarketplaceSettings.class, MarketplaceSettings.SINGLE_ID);
  }

  /** The settings locked for a change, so two administrators do not interleave. */
  public MarketplaceSettings forUpdate() {
    MarketplaceSettings settings = current();
    if (settings != null) {
      em.refresh(settings, LockModeType.PESSIMISTIC_WRITE);
    }
    return settings;
  }
}

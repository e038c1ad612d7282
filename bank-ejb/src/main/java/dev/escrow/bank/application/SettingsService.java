package dev.escrow.bank.application;

import dev.escrow.bank.domain.settings.BankSettings;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The bank's run-time settings (how slow the bank is). */
@Stateless
public class SettingsService {

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  public int processingDelaySeconds() {
    return em.find(BankSettings.class, BankSettings.ID).processingDelaySeconds();
  }

  public int changeProcessingDelay(int seconds) {
    BankSettings settings = em.find(BankSettings.class, BankSettings.ID);
    settings.changeProcessingDelay(seconds);
    return settings.processingDelaySeconds();
  }
}

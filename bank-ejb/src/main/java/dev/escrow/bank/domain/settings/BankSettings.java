package dev.escrow.bank.domain.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bank's run-time settings: one row. */
@Entity
@Table(name = "bank_settings")
public class BankSettings {

  public static final long ID = 1L;
  public static final int MAX_PROCESSING_DELAY_SECONDS = 3600;

  @Id private Long id;

  @Column(name = "processing_delay_seconds", nullable = false)
  private int processingDelaySeconds;

  protected BankSettings() {}

  public void changeProcessingDelay(int seconds) {
    if (seconds < 0 || seconds > MAX_PROCESSING_DELAY_SECONDS) {
      throw new IllegalArgumentException("The processing delay is 0 to 3600 seconds");
    }
    this.processingDelaySeconds = seconds;
  }

  public int processingDelaySeconds() {
    return processingDelaySeconds;
  }
}

package dev.escrow.marketplace.domain.settings;

import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.platform.money.Percent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/**
 * The marketplace's own settings (one row): the commission new offers get by default, and the
 * marketplace's settlement account at a bank, into which commissions are paid.
 */
@Entity
@Table(name = "marketplace_settings")
public class MarketplaceSettings {

  public static final long SINGLE_ID = 1L;

  @Id private Long id;

  @Column(name = "default_commission_percent", nullable = false, precision = 5, scale = 2)
  private Percent defaultCommissionPercent;

  @Column(name = "settlement_account_number", length = 32)
  private String settlementAccountNumber;

  @ManyToOne
  @JoinColumn(name = "settlement_bank_id")
  private Bank settlementBank;

  @Version private long version;

  protected MarketplaceSettings() {}

  public void changeDefaultCommission(Percent percent) {
    this.defaultCommissionPercent = Objects.requireNonNull(percent, "percent");
  }

  public void changeSettlementAccount(String number, Bank bank) {
    this.settlementAccountNumber = Objects.requireNonNull(number, "number");
    this.settlementBank = Objects.requireNonNull(bank, "bank");
  }

  public Percent defaultCommissionPercent() {
    return defaultCommissionPercent;
  }

  public boolean hasSettlementAccount() {
    return settlementAccountNumber != null && settlementBank != null;
  }

  public String settlementAccountNumber() {
    return settlementAccountNumber;
  }

  public Bank settlementBank() {
    return settlementBank;
  }
}

package dev.escrow.bank.domain.fee;

import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.platform.money.Percent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** The percent a transfer from one bank to another costs its payer. */
@Entity
@Table(name = "fee_rate")
public class FeeRate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "from_bank_id")
  private Bank fromBank;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "to_bank_id")
  private Bank toBank;

  @Column(nullable = false, precision = 5, scale = 2)
  private Percent percent;

  protected FeeRate() {}

  public FeeRate(Bank fromBank, Bank toBank, Percent percent) {
    this.fromBank = Objects.requireNonNull(fromBank);
    this.toBank = Objects.requireNonNull(toBank);
    this.percent = Objects.requireNonNull(percent);
  }

  public void change(Percent percent) {
    this.percent = Objects.requireNonNull(percent);
  }

  public Bank fromBank() {
    return fromBank;
  }

  public Bank toBank() {
    return toBank;
  }

  public Percent percent() {
    return percent;
  }
}

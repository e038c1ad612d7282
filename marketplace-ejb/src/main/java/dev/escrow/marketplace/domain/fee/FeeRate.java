package dev.escrow.marketplace.domain.fee;

import dev.escrow.platform.money.Percent;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The bank's inter-bank fee from one bank to another, as the last fee refresh copied it. */
@Entity
@Table(name = "fee_rate")
public class FeeRate {

  /** A pair of banks by requisite. */
  @Embeddable
  public static class Route implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "from_requisite", length = 9)
    private String fromRequisite;

    @Column(name = "to_requisite", length = 9)
    private String toRequisite;

    protected Route() {}

    public Route(String fromRequisite, String toRequisite) {
      this.fromRequisite = fromRequisite;
      this.toRequisite = toRequisite;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Route r
          && r.fromRequisite.equals(fromRequisite)
          && r.toRequisite.equals(toRequisite);
    }

    @Override
    public int hashCode() {
      return Objects.hash(fromRequisite, toRequisite);
    }
  }

  @EmbeddedId private Route route;

  @Column(nullable = false, precision = 5, scale = 2)
  private Percent percent;

  @Column(name = "refreshed_at", nullable = false)
  private Instant refreshedAt;

  protected FeeRate() {}

  public FeeRate(String fromRequisite, String toRequisite, Percent percent, Instant refreshedAt) {
    this.route = new Route(fromRequisite, toRequisite);
    this.percent = percent;
    this.refreshedAt = refreshedAt;
  }

  public Percent percent() {
    return percent;
  }
}

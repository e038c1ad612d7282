package dev.escrow.bank.domain.ledger;

import java.util.List;
import java.util.Optional;

/** For unit tests of the aggregates: applies a posting as {@link Ledger#post} does, without JPA. */
public final class Books {

  private Books() {}

  public static List<LedgerEntry> post(Posting posting) {
    return posting.apply();
  }

  public static List<LedgerEntry> post(Optional<Posting> posting) {
    return posting.map(Posting::apply).orElse(List.of());
  }
}

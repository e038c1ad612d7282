package dev.escrow.marketplace.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.escrow.marketplace.domain.offer.OfferWritten;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A count is kept until an offer is written (its transaction ended), per search. */
class CatalogueCountsTest {

  final CatalogueCounts counts = new CatalogueCounts();
  final AtomicInteger queries = new AtomicInteger();

  long count(String text) {
    return counts.count(text, null, () -> 100 + queries.incrementAndGet());
  }

  @Test
  void aCountIsKeptPerSearchUntilAnOfferIsWritten() {
    assertEquals(101, count(null));
    assertEquals(101, count(""), "no text is one search, however written");
    assertEquals(102, count(" Lamp "));
    assertEquals(102, count("lamp"), "any case, stripped");
    counts.offerWritten(new OfferWritten(7L));
    assertEquals(103, count(null), "counted again after a write");
    assertEquals(3, queries.get());
  }
}

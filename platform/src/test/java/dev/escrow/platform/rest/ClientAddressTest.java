package dev.escrow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  static final Set<String> BALANCER = ClientAddress.parse(" 127.0.0.1 , 10.0.0.5");

  @Test
  void aHeaderFromAnUntrustedPeerIsIgnored() {
    assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", BALANCER));
    assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of()));
  }

  @Test
  void aTrustedBalancerNamesTheClientItSaw() {
    assertEquals("198.51.100.1", ClientAddress.of("127.0.0.1", "198.51.100.1", BALANCER));
  }

  @Test
  void whatTheClientWroteLeftOfTheBalancersEntryDoesNotCount() {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the balancer appended the address it saw.
    assertEquals("198.51.100.1", ClientAddress.of("127.0.0.1", "1.2.3.4, 198.51.100.1", BALANCER));
  }

  @Test
  void trustedHopsAreSkippedFromTheRight() {
    assertEquals(
        "198.51.100.1", ClientAddress.of("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.0.0.5", BALANCER));
  }

  @Test
  void noHeaderOrGarbageIsThePeer() {
    assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", null, BALANCER));
    assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", "<script>", BALANCER));
    assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", "", BALANCER));
  }
}

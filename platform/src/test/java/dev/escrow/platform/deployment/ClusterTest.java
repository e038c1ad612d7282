package dev.escrow.platform.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A node of a cluster starts only with the settings the nodes must share (PartnerKeys uses it). */
class ClusterTest {

  @Test
  void aMissingSettingRefusesTheStartNamingItsVariable() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> Cluster.required(Optional.empty(), "BANK_API_KEY", "each node would make one"));
    assertTrue(
        refused.getMessage().startsWith("BANK_API_KEY must be set on every node"),
        refused.getMessage());
    assertTrue(refused.getMessage().endsWith("each node would make one"), refused.getMessage());
  }

  @Test
  void aBlankSettingIsMissing() {
    assertThrows(
        IllegalStateException.class,
        () -> Cluster.required(Optional.of("   "), "BANK_CALLBACK_SECRET", "each node"));
  }

  @Test
  void aGivenSettingIsTakenStripped() {
    assertEquals(
        "shared-secret",
        Cluster.required(Optional.of(" shared-secret\n"), "BANK_CALLBACK_SECRET", "why"));
  }
}

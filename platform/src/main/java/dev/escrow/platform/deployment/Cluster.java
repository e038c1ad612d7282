package dev.escrow.platform.deployment;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether this server is one node of several on one database (README, "Cluster"): {@code
 * ESCROW_CLUSTER=true} or a non-empty {@code CLUSTER_NODES}. A node of a cluster takes nothing from
 * its own data folder that the other nodes would need to agree on (the bank's API key and callback
 * secret must then be configured: they are never generated per node).
 */
public final class Cluster {

  private Cluster() {}

  public static boolean on() {
    Config config = ConfigProvider.getConfig();
    return config.getOptionalValue("escrow.cluster", Boolean.class).orElse(false)
        || config
            .getOptionalValue("cluster.nodes", String.class)
            .filter(nodes -> !nodes.isBlank())
            .isPresent();
  }

  /** Refuses a setting a cluster needs from its configuration, naming its variable. */
  public static String required(Optional<String> value, String variable, String why) {
    return value
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    variable
                        + " must be set on every node of a cluster (ESCROW_CLUSTER/CLUSTER_NODES): "
                        + why));
  }
}

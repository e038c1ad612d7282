package dev.escrow.marketplace.infrastructure.bank;

import dev.escrow.platform.deployment.Cluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A value the marketplace shares with the bank (the API key, the callback secret): the
 * marketplace's own setting, else the co-deployed bank's, else the owner-only file the co-deployed
 * bank writes into the server's data folder at its first start; on a node of a cluster only the
 * settings (a file per node would differ from node to node).
 */
final class SharedWithTheBank {

  private static final Logger LOG = Logger.getLogger(SharedWithTheBank.class.getName());

  private SharedWithTheBank() {}

  static Optional<String> read(String ownProperty, String banksProperty, String fileName) {
    Config config = ConfigProvider.getConfig();
    Optional<String> configured =
        setting(config, ownProperty).or(() -> setting(config, banksProperty));
    if (configured.isPresent()) {
      return configured;
    }
    String dataDir = System.getProperty("jboss.server.data.dir");
    if (dataDir == null || Cluster.on()) {
      // A node of a cluster reads nothing from its own data folder (PartnerKeys, Cluster).
      return Optional.empty();
    }
    Path file = Path.of(dataDir, fileName);
    try {
      return Files.isReadable(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
              .filter(s -> !s.isEmpty())
          : Optional.empty();
    } catch (IOException e) {
      LOG.warning("Cannot read " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<String> setting(Config config, String name) {
    return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }
}

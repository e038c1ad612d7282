package dev.escrow.bank.application;

import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start, makes sure the marketplace partner exists with the SHA-256 of the API key the bank
 * accepts: {@code BANK_API_KEY} (MicroProfile {@code bank.api.key}), else the key in {@code
 * ${jboss.server.data.dir}/bank-api-key}, else a new random key written there (owner-only) for the
 * co-deployed marketplace to read.
 */
@Singleton
@Startup
public class PartnerKeys {

  private static final Logger LOG = Logger.getLogger(PartnerKeys.class.getName());
  public static final String MARKETPLACE = "marketplace";
  static final String KEY_FILE = "bank-api-key";

  @Inject ApiClientRepository clients;
  @Inject BankClock clock;

  @Inject
  @ConfigProperty(name = "bank.api.key")
  Optional<String> configuredKey;

  @PostConstruct
  void registerMarketplaceKey() {
    String hash = Sha256.hex(key());
    Optional<ApiClient> existing = clients.byName(MARKETPLACE);
    if (existing.isEmpty()) {
      clients.add(new ApiClient(MARKETPLACE, hash, clock.now()));
    } else if (!existing.get().keyHash().equals(hash)) {
      existing.get().rotateKey(hash);
      LOG.info("The marketplace's API key changed; the bank now accepts the new one only");
    }
  }

  private String key() {
    Optional<String> given = configuredKey.map(String::strip).filter(k -> !k.isEmpty());
    if (given.isPresent()) {
      return given.get();
    }
    Path file = Path.of(System.getProperty("jboss.server.data.dir", "."), KEY_FILE);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.writeString(file, key, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        LOG.warning("Could not make " + file + " owner-only on this file system");
      }
      LOG.info("BANK_API_KEY is not set: generated the partner API key into " + file);
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or write the API key file " + file, e);
    }
  }
}

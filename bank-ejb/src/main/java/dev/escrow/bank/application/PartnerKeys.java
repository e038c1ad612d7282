package dev.escrow.bank.application;

import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.platform.deployment.Cluster;
import dev.escrow.platform.deployment.Domains;
import dev.escrow.platform.persistence.StartupInsert;
import dev.escrow.platform.security.Sha256;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start, makes sure the marketplace partner exists with the SHA-256 of the API key the bank
 * accepts: {@code BANK_API_KEY} (MicroProfile {@code bank.api.key}), else the key in {@code
 * ${jboss.server.data.dir}/bank-api-key}, else a new random key written there (owner-only) for the
 * co-deployed marketplace to read.
 *
 * <p>And where the partner hears of its transfers' outcomes: {@code BANK_CALLBACK_URL} (default:
 * the co-deployed marketplace's {@code /api/v1/bank-callbacks}, none when the deployment carries no
 * marketplace, escrow-bank.ear; {@code none} sends no callbacks), signed with {@code
 * BANK_CALLBACK_SECRET}, else the secret in {@code bank-callback-secret} next to the key file, else
 * a new one written there the same way.
 *
 * <p>On a node of a cluster ({@link Cluster}) the key, the callback URL (the balancer's, not this
 * node's) and the secret must be configured: a file in one node's data folder would give each node
 * its own key, and each start would rotate the key the others use. Without them the deployment
 * fails. Two nodes starting at once create the partner once (StartupInsert).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class PartnerKeys {

  private static final Logger LOG = Logger.getLogger(PartnerKeys.class.getName());
  public static final String MARKETPLACE = "marketplace";
  static final String KEY_FILE = "bank-api-key";
  static final String CALLBACK_SECRET_FILE = "bank-callback-secret";
  static final String NO_CALLBACKS = "none";

  @Resource(lookup = Domains.JNDI)
  String domains;

  @Inject ApiClientRepository clients;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bank.api.key")
  Optional<String> configuredKey;

  @Inject
  @ConfigProperty(name = "bank.callback.url")
  Optional<String> configuredCallbackUrl;

  @Inject
  @ConfigProperty(name = "bank.callback.secret")
  Optional<String> configuredCallbackSecret;

  @Resource UserTransaction tx;

  @PostConstruct
  void registerMarketplaceKey() {
    if (Cluster.on()) {
      Cluster.required(configuredKey, "BANK_API_KEY", "each node would generate its own key");
      if (!configuredCallbackUrl.map(String::strip).filter(u -> !u.isEmpty()).isPresent()
          && Domains.carries(domains, Domains.MARKETPLACE)) {
        Cluster.required(
            configuredCallbackUrl,
            "BANK_CALLBACK_URL",
            "the default is this node's own address (name the balancer's /api/v1/bank-callbacks,"
                + " or none)");
      }
    }
    String hash = Sha256.hex(secret(configuredKey, KEY_FILE, "BANK_API_KEY"));
    String url = callbackUrl();
    String secret =
        url == null
            ? null
            : secret(configuredCallbackSecret, CALLBACK_SECRET_FILE, "BANK_CALLBACK_SECRET");
    StartupInsert.once(
        tx,
        "the marketplace partner",
        () -> {
          register(hash, url, secret);
          return null;
        });
  }

  private void register(String hash, String url, String secret) {
    Optional<ApiClient> existing = clients.byName(MARKETPLACE);
    ApiClient partner;
    if (existing.isEmpty()) {
      partner = new ApiClient(MARKETPLACE, hash, clock.instant());
      clients.add(partner);
    } else {
      partner = existing.get();
      if (!partner.keyHash().equals(hash)) {
        partner.rotateKey(hash);
        LOG.info("The marketplace's API key changed; the bank now accepts the new one only");
      }
    }
    if (!Objects.equals(url, partner.callbackUrl())
        || !Objects.equals(secret, partner.callbackSecret())) {
      partner.callBackAt(url, secret);
      LOG.info(
          url == null
              ? "The marketplace gets no callbacks (BANK_CALLBACK_URL=none)"
              : "The marketplace hears of its transfers' outcomes at " + url);
    }
  }

  private String callbackUrl() {
    Optional<String> given = configuredCallbackUrl.map(String::strip).filter(u -> !u.isEmpty());
    if (given.isPresent()) {
      return NO_CALLBACKS.equalsIgnoreCase(given.get()) ? null : given.get();
    }
    if (!Domains.carries(domains, Domains.MARKETPLACE)) {
      LOG.info(
          "No marketplace is deployed with the bank: it sends no callbacks until BANK_CALLBACK_URL"
              + " names the marketplace's /api/v1/bank-callbacks");
      return null;
    }
    int port =
        Integer.getInteger("jboss.http.port", 8080)
            + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    return "http://127.0.0.1:" + port + "/api/v1/bank-callbacks";
  }

  /** The configured secret, else the one in the data folder's file, else a new one put there. */
  private static String secret(Optional<String> configured, String fileName, String variable) {
    Optional<String> given = configured.map(String::strip).filter(k -> !k.isEmpty());
    if (given.isPresent()) {
      return given.get();
    }
    if (Cluster.on()) {
      return Cluster.required(given, variable, "each node would generate its own");
    }
    Path file = Path.of(System.getProperty("jboss.server.data.dir", "."), fileName);
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
      LOG.info(variable + " is not set: generated it into " + file);
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or write the secret file " + file, e);
    }
  }
}

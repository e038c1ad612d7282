package dev.escrow.marketplace.infrastructure.bank;

import dev.escrow.platform.deployment.Domains;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the bank is, checked at start-up. Beside the bank (escrow.ear) the marketplace finds it on
 * its own: the co-deployed bank's URL and key file ({@link RestBankGateway}). Deployed without it
 * (escrow-marketplace.ear, {@link Domains}), it has no such defaults and refuses to start, naming
 * every variable that is missing, rather than talk to a bank that is not there.
 */
@Singleton
@Startup
public class BankWhereabouts {

  private static final Logger LOG = Logger.getLogger(BankWhereabouts.class.getName());

  /** What a marketplace without the bank must be told: configuration name, environment variable. */
  static final Map<String, String> REQUIRED_ALONE = new LinkedHashMap<>();

  static {
    REQUIRED_ALONE.put("marketplace.bank.url", "MARKETPLACE_BANK_URL");
    REQUIRED_ALONE.put("marketplace.bank.api-key", "MARKETPLACE_BANK_API_KEY");
    REQUIRED_ALONE.put("marketplace.bank.callback-secret", "MARKETPLACE_BANK_CALLBACK_SECRET");
  }

  @Resource(lookup = Domains.JNDI)
  String domains;

  @PostConstruct
  void checkWhereTheBankIs() {
    if (Domains.carries(domains, Domains.BANK)) {
      return;
    }
    List<String> missing =
        missing(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The marketplace is deployed without the bank and must be told where the bank is: set "
              + String.join(", ", missing)
              + " (README, \"The bank on its own server\")");
    }
    LOG.info("The marketplace reaches the bank at " + configuredBaseUrl());
  }

  /**
   * The bank's base URL: {@code marketplace.bank.url} (env {@code MARKETPLACE_BANK_URL}), by
   * default the co-deployed bank on this server's own HTTP port.
   */
  public static String configuredBaseUrl() {
    String url =
        ConfigProvider.getConfig()
            .getOptionalValue("marketplace.bank.url", String.class)
            .filter(u -> !u.isBlank())
            .orElseGet(
                () -> {
                  int port =
                      Integer.getInteger("jboss.http.port", 8080)
                          + Integer.getInteger("jboss.socket.binding.port-offset", 0);
                  return "http://127.0.0.1:" + port + "/bank/api/v1";
                });
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The environment variables of the required settings that are unset or blank, in order. */
  static List<String> missing(Function<String, Optional<String>> config) {
    return REQUIRED_ALONE.entrySet().stream()
        .filter(e -> config.apply(e.getKey()).filter(v -> !v.isBlank()).isEmpty())
        .map(Map.Entry::getValue)
        .toList();
  }
}

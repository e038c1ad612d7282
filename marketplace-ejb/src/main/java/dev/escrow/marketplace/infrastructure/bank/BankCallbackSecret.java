package dev.escrow.marketplace.infrastructure.bank;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The secret the bank signs its callbacks with, shared at set-up: {@code
 * marketplace.bank.callback-secret} (env {@code MARKETPLACE_BANK_CALLBACK_SECRET}), else {@code
 * bank.callback.secret} (env {@code BANK_CALLBACK_SECRET}, the co-deployed bank's), else the file
 * {@code ${jboss.server.data.dir}/bank-callback-secret} that the co-deployed bank writes. Checking
 * an HMAC needs the secret itself, so it stays in the configuration (or that owner-only file) and
 * is never stored in the database. Without one the marketplace takes no callbacks and polls the
 * bank as often as before.
 */
@ApplicationScoped
public class BankCallbackSecret {

  private static final Logger LOG = Logger.getLogger(BankCallbackSecret.class.getName());
  static final String FILE = "bank-callback-secret";

  private volatile String found;

  /** Read until found: the co-deployed bank may write its file after the marketplace starts. */
  public Optional<String> secret() {
    String known = found;
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> secret = configured().or(BankCallbackSecret::fromFile);
    secret.ifPresent(s -> found = s);
    return secret;
  }

  public boolean callbacksOn() {
    return secret().isPresent();
  }

  private static Optional<String> configured() {
    Config config = ConfigProvider.getConfig();
    return config
        .getOptionalValue("marketplace.bank.callback-secret", String.class)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .or(
            () ->
                config
                    .getOptionalValue("bank.callback.secret", String.class)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty()));
  }

  private static Optional<String> fromFile() {
    String dataDir = System.getProperty("jboss.server.data.dir");
    if (dataDir == null) {
      return Optional.empty();
    }
    Path file = Path.of(dataDir, FILE);
    try {
      return Files.isReadable(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
              .filter(s -> !s.isEmpty())
          : Optional.empty();
    } catch (IOException e) {
      LOG.warning("Cannot read the bank's callback secret from " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}

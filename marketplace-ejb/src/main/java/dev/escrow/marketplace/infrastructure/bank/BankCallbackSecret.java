package dev.escrow.marketplace.infrastructure.bank;

import dev.escrow.marketplace.application.bank.CallbackSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

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
public class BankCallbackSecret implements CallbackSecret {

  static final String FILE = "bank-callback-secret";

  private volatile String found;

  /** Read until found: the co-deployed bank may write its file after the marketplace starts. */
  @Override
  public Optional<String> secret() {
    String known = found;
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> secret =
        SharedWithTheBank.read("marketplace.bank.callback-secret", "bank.callback.secret", FILE);
    secret.ifPresent(s -> found = s);
    return secret;
  }

  public boolean callbacksOn() {
    return secret().isPresent();
  }
}

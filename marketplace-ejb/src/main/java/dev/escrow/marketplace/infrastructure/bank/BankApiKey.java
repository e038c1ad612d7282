package dev.escrow.marketplace.infrastructure.bank;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.Optional;

/**
 * Sends the marketplace's API key with every request: {@code marketplace.bank.api-key} (env {@code
 * MARKETPLACE_BANK_API_KEY}), else {@code bank.api.key} (env {@code BANK_API_KEY}), else the file
 * {@code ${jboss.server.data.dir}/bank-api-key} that the co-deployed bank writes. Read at each
 * request: the co-deployed bank may write its file after the marketplace starts.
 */
@Priority(Priorities.AUTHENTICATION)
public class BankApiKey implements ClientRequestFilter {

  static final String HEADER = "X-Api-Key";

  static Optional<String> current() {
    return SharedWithTheBank.read("marketplace.bank.api-key", "bank.api.key", "bank-api-key");
  }

  @Override
  public void filter(ClientRequestContext request) {
    current().ifPresent(key -> request.getHeaders().putSingle(HEADER, key));
  }
}

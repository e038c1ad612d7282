package dev.escrow.marketplace.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode (DEMO_MODE): the marketplace's demo seed, and the payment page's link to the bank's
 * demo outbox. The link goes to the bank's pages as a browser reaches them ({@code
 * MARKETPLACE_BANK_PAGES_URL}, by default {@code /bank}: the co-deployed bank on the same host).
 */
@ApplicationScoped
public class DemoMode {

  @Inject
  @ConfigProperty(name = "demo.mode", defaultValue = "false")
  boolean on;

  @Inject
  @ConfigProperty(name = "marketplace.bank.pages-url")
  Optional<String> bankPagesUrl;

  public boolean isOn() {
    return on;
  }

  /** Where the person reads the code mailed for this authorization; empty outside demo mode. */
  public Optional<String> outboxLink(String authorizationId) {
    if (!on || authorizationId == null || authorizationId.isBlank()) {
      return Optional.empty();
    }
    String base = bankPagesUrl.map(String::strip).filter(u -> !u.isEmpty()).orElse("/bank");
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return Optional.of(
        base
            + "/demo/codes.xhtml?authorization="
            + URLEncoder.encode(authorizationId, StandardCharsets.UTF_8));
  }
}

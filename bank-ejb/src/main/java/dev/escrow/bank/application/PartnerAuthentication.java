package dev.escrow.bank.application;

import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.platform.security.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the partner an API key belongs to, by the key's SHA-256 (cached after the first hit). */
@ApplicationScoped
public class PartnerAuthentication {

  @Inject ApiClientRepository clients;

  private final Map<String, Long> known = new ConcurrentHashMap<>();

  public Optional<Long> partnerOf(String apiKey) {
    if (apiKey == null || apiKey.isBlank() || apiKey.length() > 512) {
      return Optional.empty();
    }
    String hash = Sha256.hex(apiKey.strip());
    Long cached = known.get(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Long> found = clients.byKeyHash(hash).map(ApiClient::id);
    found.ifPresent(id -> known.put(hash, id));
    return found;
  }
}

package dev.escrow.platform.rest;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address of the client a request comes from, for the login throttle: the direct peer, unless
 * that peer is a trusted proxy ({@code TRUSTED_PROXIES}, a comma-separated list of addresses, e.g.
 * the balancer's {@code 127.0.0.1}); then the nearest address in {@code X-Forwarded-For} that is
 * not itself a trusted proxy (a proxy appends the address it saw: what is left of it the client may
 * have written itself). A header from any other peer is ignored, so that no client chooses its own
 * key by sending one.
 */
public final class ClientAddress {

  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{1,45}");

  private ClientAddress() {}

  public static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
    if (forwardedFor == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!ADDRESS.matcher(hop).matches()) {
        return peer; // not an address: the header is not what a proxy writes
      }
      if (!trustedProxies.contains(hop) || i == 0) {
        return hop;
      }
    }
    return peer;
  }

  /** The configured trusted proxies (none by default). */
  public static Set<String> trustedProxies() {
    String list =
        ConfigProvider.getConfig().getOptionalValue("trusted.proxies", String.class).orElse("");
    return parse(list);
  }

  static Set<String> parse(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}

package dev.escrow.marketplace.infrastructure.bank;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The marketplace's only way to the bank: the bank's HTTP API, as a real bank would be reached.
 *
 * <p>Base URL: {@code marketplace.bank.url} (env {@code MARKETPLACE_BANK_URL}), by default the
 * co-deployed bank on this server's own HTTP port. API key: {@code marketplace.bank.api-key} (env
 * {@code MARKETPLACE_BANK_API_KEY}), else {@code bank.api.key} (env {@code BANK_API_KEY}), else the
 * file {@code ${jboss.server.data.dir}/bank-api-key} that the co-deployed bank writes. Connect
 * timeout 2 s, request timeout 5 s; when the bank cannot be reached (or answers 5xx or refuses the
 * key) a {@link BankUnavailableException} is thrown.
 */
@ApplicationScoped
public class BankClient {

  private static final Logger LOG = Logger.getLogger(BankClient.class.getName());
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private HttpClient http;
  private String baseUrl;
  private String fixedKey;

  public BankClient() {}

  /** A client of the bank at this URL with this key (tests; the server uses configuration). */
  BankClient(String baseUrl, String apiKey) {
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    this.baseUrl = baseUrl;
    this.fixedKey = apiKey;
  }

  @PostConstruct
  void init() {
    http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    baseUrl = configuredBaseUrl();
  }

  static String configuredBaseUrl() {
    Config config = ConfigProvider.getConfig();
    String url =
        config
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

  /** The key is read at each call: the co-deployed bank may write its file after we start. */
  Optional<String> apiKey() {
    if (fixedKey != null) {
      return Optional.of(fixedKey);
    }
    Config config = ConfigProvider.getConfig();
    Optional<String> key =
        config
            .getOptionalValue("marketplace.bank.api-key", String.class)
            .filter(k -> !k.isBlank())
            .or(
                () ->
                    config
                        .getOptionalValue("bank.api.key", String.class)
                        .filter(k -> !k.isBlank()));
    if (key.isPresent()) {
      return key;
    }
    String dataDir = System.getProperty("jboss.server.data.dir");
    if (dataDir == null) {
      return Optional.empty();
    }
    Path file = Path.of(dataDir, "bank-api-key");
    try {
      return Files.isReadable(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
              .filter(k -> !k.isEmpty())
          : Optional.empty();
    } catch (IOException e) {
      LOG.warning("Cannot read the bank API key from " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The banks the bank service serves (its public list). */
  public List<BankInfo> banks() {
    HttpResponse<String> response = send(request("/banks").GET().build());
    if (response.statusCode() != 200) {
      throw new BankUnavailableException(
          "The bank service answered " + response.statusCode() + " to its list of banks");
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      JsonArray array = reader.readArray();
      return array.stream()
          .map(JsonValue::asJsonObject)
          .map(b -> new BankInfo(text(b, "code"), text(b, "name"), text(b, "requisite")))
          .toList();
    } catch (RuntimeException e) {
      throw new BankUnavailableException("The bank service's list of banks is not readable", e);
    }
  }

  /** Whether the bank with this requisite holds an account with this number. */
  public boolean holdsAccount(String number, String requisite) {
    HttpRequest.Builder request =
        request(
                "/partner/accounts/"
                    + URLEncoder.encode(number, StandardCharsets.UTF_8)
                    + "?bankRequisite="
                    + URLEncoder.encode(requisite, StandardCharsets.UTF_8))
            .GET();
    apiKey().ifPresent(key -> request.header("X-Api-Key", key));
    HttpResponse<String> response = send(request.build());
    return switch (response.statusCode()) {
      case 200 -> true;
      case 404 -> false;
      case 401, 403 ->
          throw new BankUnavailableException(
              "The bank refused the marketplace's API key; check MARKETPLACE_BANK_API_KEY");
      default ->
          throw new BankUnavailableException(
              "The bank answered " + response.statusCode() + " to an account look-up");
    };
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BankUnavailableException("The bank service cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BankUnavailableException("Interrupted while calling the bank service", e);
    }
  }

  private static String text(JsonObject object, String name) {
    return object.getString(name, null);
  }
}

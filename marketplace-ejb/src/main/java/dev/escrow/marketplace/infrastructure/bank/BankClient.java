package dev.escrow.marketplace.infrastructure.bank;

import dev.escrow.marketplace.domain.fee.FeeCache;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
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
import java.time.Duration;
import java.time.Instant;
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
    return SharedWithTheBank.read("marketplace.bank.api-key", "bank.api.key", "bank-api-key");
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

  // ---- Payments: codes, transfers, operations, fees (docs/bank-partner-api.md) ----

  /** A code the bank mailed to an account's holder. */
  public record Authorization(String id, String sentTo, Instant expiresAt) {}

  /** The bank's word on a code: accepted, wrong (with tries left), or refused for good. */
  public record CodeCheck(boolean accepted, int attemptsLeft, String refusal) {}

  public record TransferAccepted(String id, String operationKey) {}

  /**
   * A transfer's state at the bank: ACCEPTED (not carried out yet), COMPLETED, FAILED, REVERSED.
   */
  public record TransferState(String status, String failureReason) {
    public boolean isFinal() {
      return !"ACCEPTED".equals(status);
    }

    public boolean completed() {
      return "COMPLETED".equals(status) || "REVERSED".equals(status);
    }
  }

  /** Has the bank mail the payer a code for exactly this payment (amount, payee). */
  public Authorization requestPaymentCode(
      String payerAccount, Money amount, String payeeAccount, String reference) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("accountNumber", payerAccount)
            .add("purpose", "PAYMENT")
            .add("amount", amount.toString())
            .add("payeeAccount", payeeAccount)
            .add("reference", reference)
            .build();
    HttpResponse<String> response =
        send(partner("/partner/authorizations").POST(json(body)).build());
    if (response.statusCode() != 201) {
      throw unexpected("a code request", response);
    }
    JsonObject answer = read(response);
    return new Authorization(
        text(answer, "id"), text(answer, "sentTo"), Instant.parse(text(answer, "expiresAt")));
  }

  public CodeCheck verifyCode(String authorizationId, String code) {
    JsonObject body = Json.createObjectBuilder().add("code", code == null ? "" : code).build();
    HttpResponse<String> response =
        send(
            partner("/partner/authorizations/" + encode(authorizationId) + "/verification")
                .POST(json(body))
                .build());
    return switch (response.statusCode()) {
      case 200 -> new CodeCheck(true, 0, null);
      case 400 -> new CodeCheck(false, read(response).getInt("attemptsLeft", 0), null);
      case 404, 409 -> new CodeCheck(false, 0, detail(response, "The code can no longer be used"));
      default -> throw unexpected("a code check", response);
    };
  }

  public TransferAccepted submitTransfer(
      String idempotencyKey,
      String authorizationId,
      String payerAccount,
      String payeeAccount,
      Money amount,
      Money fee,
      String groupReference) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("authorizationId", authorizationId)
            .add("payerAccount", payerAccount)
            .add("payeeAccount", payeeAccount)
            .add("amount", amount.toString())
            .add("fee", fee.toString())
            .add("groupReference", groupReference)
            .build();
    HttpResponse<String> response =
        send(
            partner("/partner/transfers")
                .header("Idempotency-Key", idempotencyKey)
                .POST(json(body))
                .build());
    return switch (response.statusCode()) {
      case 200, 201, 202 -> {
        JsonObject answer = read(response);
        yield new TransferAccepted(text(answer, "id"), text(answer, "operationKey"));
      }
      case 400, 404, 409 ->
          throw new BankRefusedException(detail(response, "The bank refused the transfer"));
      default -> throw unexpected("a transfer", response);
    };
  }

  public TransferState transfer(String transferId) {
    HttpResponse<String> response =
        send(partner("/partner/transfers/" + encode(transferId)).GET().build());
    if (response.statusCode() != 200) {
      throw unexpected("a transfer look-up", response);
    }
    JsonObject answer = read(response);
    return new TransferState(text(answer, "status"), text(answer, "failureReason"));
  }

  /**
   * Pays the held money of an operation to its payees, less the commission to the given account.
   */
  public void settle(String operationKey, Money commission, String commissionAccount) {
    jakarta.json.JsonObjectBuilder builder =
        Json.createObjectBuilder().add("commissionAmount", commission.toString());
    if (commissionAccount != null) {
      builder.add("commissionAccount", commissionAccount);
    }
    JsonObject body = builder.build();
    HttpResponse<String> response =
        send(
            partner("/partner/operations/" + encode(operationKey) + "/settlement")
                .POST(json(body))
                .build());
    if (response.statusCode() == 409) {
      throw new BankUnavailableException(
          "The bank cannot settle yet: " + detail(response, "conflict"));
    }
    if (response.statusCode() != 200) {
      throw unexpected("a settlement", response);
    }
  }

  /** Returns every transfer of an operation to its payer, fee included. */
  public void reverse(String operationKey) {
    HttpResponse<String> response =
        send(
            partner("/partner/operations/" + encode(operationKey) + "/reversal")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    if (response.statusCode() == 409) {
      throw new BankUnavailableException(
          "The bank cannot reverse yet: " + detail(response, "conflict"));
    }
    if (response.statusCode() != 200) {
      throw unexpected("a reversal", response);
    }
  }

  /** The bank's inter-bank fee schedule. */
  public List<FeeCache.Rate> fees() {
    HttpResponse<String> response = send(partner("/partner/fees").GET().build());
    if (response.statusCode() != 200) {
      throw unexpected("the fee schedule", response);
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readArray().stream()
          .map(JsonValue::asJsonObject)
          .map(
              f ->
                  new FeeCache.Rate(
                      text(f, "fromBank"), text(f, "toBank"), Percent.of(decimal(f, "percent"))))
          .toList();
    }
  }

  private HttpRequest.Builder partner(String path) {
    HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
    apiKey().ifPresent(key -> request.header("X-Api-Key", key));
    return request;
  }

  private static HttpRequest.BodyPublisher json(JsonObject body) {
    return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }

  private static JsonObject read(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new BankUnavailableException("The bank's answer is not readable", e);
    }
  }

  private static java.math.BigDecimal decimal(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value instanceof jakarta.json.JsonNumber number) {
      return number.bigDecimalValue();
    }
    return new java.math.BigDecimal(object.getString(name));
  }

  private static String detail(HttpResponse<String> response, String fallback) {
    try {
      return read(response).getString("detail", fallback);
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static BankUnavailableException unexpected(String what, HttpResponse<String> response) {
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      return new BankUnavailableException(
          "The bank refused the marketplace's API key; check MARKETPLACE_BANK_API_KEY");
    }
    return new BankUnavailableException(
        "The bank answered " + response.statusCode() + " to " + what);
  }

  /** An account's money as its bank shows it after the holder's code. */
  public record Balance(Money balance, Money held) {}

  /** Has the bank mail the holder a code that allows one look at this account's balance. */
  public Authorization requestBalanceCode(String accountNumber) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("accountNumber", accountNumber)
            .add("purpose", "BALANCE")
            .add("reference", "balance of " + accountNumber)
            .build();
    HttpResponse<String> response =
        send(partner("/partner/authorizations").POST(json(body)).build());
    if (response.statusCode() != 201) {
      throw unexpected("a balance code request", response);
    }
    JsonObject answer = read(response);
    return new Authorization(
        text(answer, "id"), text(answer, "sentTo"), Instant.parse(text(answer, "expiresAt")));
  }

  /** The balance, once, after the BALANCE authorization was verified. */
  public Balance balance(String accountNumber, String authorizationId) {
    HttpResponse<String> response =
        send(
            partner(
                    "/partner/accounts/"
                        + encode(accountNumber)
                        + "/balance?authorizationId="
                        + encode(authorizationId))
                .GET()
                .build());
    if (response.statusCode() == 403 || response.statusCode() == 409) {
      throw new BankRefusedException(detail(response, "The bank does not show this balance now"));
    }
    if (response.statusCode() != 200) {
      throw unexpected("a balance look-up", response);
    }
    JsonObject answer = read(response);
    return new Balance(Money.of(decimal(answer, "balance")), Money.of(decimal(answer, "held")));
  }
}

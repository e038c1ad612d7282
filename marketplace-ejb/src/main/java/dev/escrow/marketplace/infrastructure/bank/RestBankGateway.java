package dev.escrow.marketplace.infrastructure.bank;

import dev.escrow.marketplace.application.bank.Authorization;
import dev.escrow.marketplace.application.bank.Balance;
import dev.escrow.marketplace.application.bank.BankGateway;
import dev.escrow.marketplace.application.bank.BankInfo;
import dev.escrow.marketplace.application.bank.BankRefusedException;
import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.application.bank.CodeAndTransfer;
import dev.escrow.marketplace.application.bank.CodeCheck;
import dev.escrow.marketplace.application.bank.OperationClosed;
import dev.escrow.marketplace.application.bank.Reversal;
import dev.escrow.marketplace.application.bank.TransferAccepted;
import dev.escrow.marketplace.application.bank.TransferOrder;
import dev.escrow.marketplace.application.bank.TransferOutcome;
import dev.escrow.marketplace.domain.fee.FeeCache;
import dev.escrow.platform.json.Jsonp;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The {@link BankGateway} over the bank's partner API, with the MicroProfile REST Client ({@link
 * PartnerApi}). The base URL is {@link BankWhereabouts#configuredBaseUrl()} (known only at run
 * time, hence the builder); the key is {@link BankApiKey}'s; connect timeout 2 s, read timeout 5 s
 * (60 s for a batch). What the bank answers is turned into the port's words here: a connection that
 * fails or times out is {@link BankUnavailableException}, a 4xx is read by {@link
 * BankProblemMapper} and, per call, either a plain answer (a wrong code, an unknown account), a
 * wait (a settlement while a transfer is still being carried out), or a {@link
 * BankRefusedException} with the bank's reason.
 */
@ApplicationScoped
public class RestBankGateway implements BankGateway {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  /** Up to this many requests to the bank at once (both consumers' sessions and the pages). */
  static final int CONNECTIONS = 40;

  /**
   * The bank carries out a batch's items one after the other, each in a transaction of its own: a
   * hundred reversals may take longer than one request's timeout, and an answer lost to a timeout
   * would be asked again at every sweep.
   */
  static final Duration BATCH_READ_TIMEOUT = Duration.ofSeconds(60);

  private PartnerApi api;
  private PartnerApi batchApi;

  public RestBankGateway() {}

  RestBankGateway(PartnerApi api) {
    this.api = api;
    this.batchApi = api;
  }

  @PostConstruct
  void build() {
    URI bank = URI.create(BankWhereabouts.configuredBaseUrl());
    api = client(bank, READ_TIMEOUT);
    batchApi = client(bank, BATCH_READ_TIMEOUT);
  }

  static PartnerApi client(URI baseUri, Duration readTimeout) {
    return RestClientBuilder.newBuilder()
        .baseUri(baseUri)
        .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .property("resteasy.connectionPoolSize", CONNECTIONS)
        .property("resteasy.maxPooledPerRoute", CONNECTIONS)
        .build(PartnerApi.class);
  }

  @Override
  public List<BankInfo> banks() {
    return call(
        "its list of banks",
        () ->
            api.banks().stream()
                .map(JsonValue::asJsonObject)
                .map(b -> new BankInfo(text(b, "code"), text(b, "name"), text(b, "requisite")))
                .toList());
  }

  @Override
  public boolean holdsAccount(String number, String requisite) {
    try {
      call("an account look-up", () -> api.account(number, requisite));
      return true;
    } catch (BankProblem problem) {
      if (problem.status() == 404) {
        return false;
      }
      throw unavailable("an account look-up", problem);
    }
  }

  @Override
  public Authorization requestPaymentCode(
      String payerAccount, Money amount, String payeeAccount, String reference) {
    JsonObject request =
        Jsonp.object()
            .add("accountNumber", payerAccount)
            .add("purpose", "PAYMENT")
            .add("amount", amount.toString())
            .add("payeeAccount", payeeAccount)
            .add("reference", reference)
            .build();
    return refusedIsUnavailable("a code request", () -> authorization(api.authorize(request)));
  }

  @Override
  public Authorization requestBalanceCode(String accountNumber) {
    JsonObject request =
        Jsonp.object()
            .add("accountNumber", accountNumber)
            .add("purpose", "BALANCE")
            .add("reference", "balance of " + accountNumber)
            .build();
    return refusedIsUnavailable(
        "a balance code request", () -> authorization(api.authorize(request)));
  }

  @Override
  public CodeCheck verifyCode(String authorizationId, String code) {
    JsonObject request = Jsonp.object().add("code", code == null ? "" : code).build();
    try {
      call("a code check", () -> api.verify(authorizationId, request));
      return CodeCheck.ok();
    } catch (BankProblem problem) {
      return switch (problem.status()) {
        case 400 -> CodeCheck.wrong(problem.problem().getInt("attemptsLeft", 0));
        case 404, 409 -> CodeCheck.refused(problem.getMessage());
        default -> throw unavailable("a code check", problem);
      };
    }
  }

  @Override
  public TransferAccepted submitTransfer(TransferOrder order) {
    try {
      return transferCall(order, transferRequest(order).build());
    } catch (BankProblem problem) {
      throw transferRefused(problem);
    }
  }

  @Override
  public CodeAndTransfer submitTransferWithCode(TransferOrder order, String code) {
    try {
      return CodeAndTransfer.accepted(
          transferCall(order, transferRequest(order).add("code", code).build()));
    } catch (BankProblem problem) {
      String reason = problem.problem().getString("reason", "");
      if (problem.status() == 400 && "WRONG_CODE".equals(reason)) {
        return CodeAndTransfer.notTaken(
            CodeCheck.wrong(problem.problem().getInt("attemptsLeft", 0)));
      }
      if (problem.status() == 409 && CODE_REFUSALS.contains(reason)) {
        return CodeAndTransfer.notTaken(CodeCheck.refused(problem.getMessage()));
      }
      throw transferRefused(problem);
    }
  }

  /** The bank's reasons for not taking a code (its 409s that are not about the transfer). */
  private static final Set<String> CODE_REFUSALS = Set.of("EXPIRED", "LOCKED", "ALREADY_USED");

  private static JsonObjectBuilder transferRequest(TransferOrder order) {
    return Jsonp.object()
        .add("authorizationId", order.authorizationId())
        .add("payerAccount", order.payerAccount())
        .add("payeeAccount", order.payeeAccount())
        .add("amount", order.amount().toString())
        .add("fee", order.fee().toString())
        .add("groupReference", order.groupReference());
  }

  private TransferAccepted transferCall(TransferOrder order, JsonObject request) {
    return call(
        "a transfer",
        () -> {
          JsonObject answer = api.submitTransfer(order.idempotencyKey(), request);
          return new TransferAccepted(
              text(answer, "id"),
              text(answer, "operationKey"),
              TransferOutcome.of(
                  answer.getString("status", "ACCEPTED"), answer.getString("failureReason", null)));
        });
  }

  private static RuntimeException transferRefused(BankProblem problem) {
    return switch (problem.status()) {
      case 400, 404, 409, 422 -> new BankRefusedException(problem.getMessage());
      default -> unavailable("a transfer", problem);
    };
  }

  @Override
  public TransferOutcome transfer(String transferId) {
    return refusedIsUnavailable(
        "a transfer look-up",
        () -> {
          JsonObject answer = api.transfer(transferId);
          return TransferOutcome.of(
              text(answer, "status"), answer.getString("failureReason", null));
        });
  }

  @Override
  public OperationClosed settle(String operationKey, Money commission, String commissionAccount) {
    JsonObjectBuilder request = Jsonp.object().add("commissionAmount", commission.toString());
    if (commissionAccount != null) {
      request.add("commissionAccount", commissionAccount);
    }
    JsonObject body = request.build();
    try {
      call("a settlement", () -> api.settle(operationKey, body));
    } catch (BankProblem problem) {
      throw closingRefused(operationKey, "settle", problem);
    }
    return new OperationClosed(operationKey, OperationClosed.Status.SETTLED);
  }

  @Override
  public OperationClosed reverse(String operationKey) {
    try {
      call("a reversal", () -> api.reverse(operationKey, JsonValue.EMPTY_JSON_OBJECT));
    } catch (BankProblem problem) {
      throw closingRefused(operationKey, "reverse", problem);
    }
    return new OperationClosed(operationKey, OperationClosed.Status.REVERSED);
  }

  @Override
  public List<Reversal> reverseAll(List<String> operationKeys) {
    List<Reversal> answers = new ArrayList<>(operationKeys.size());
    for (int from = 0; from < operationKeys.size(); from += REVERSALS_PER_REQUEST) {
      List<String> keys =
          operationKeys.subList(from, Math.min(operationKeys.size(), from + REVERSALS_PER_REQUEST));
      JsonArrayBuilder items = Jsonp.array();
      keys.forEach(key -> items.add(Jsonp.object().add("operationKey", key)));
      JsonObject request = Jsonp.object().add("reversals", items).build();
      Map<String, JsonObject> byKey =
          refusedIsUnavailable(
              "a batch of reversals",
              () -> {
                Map<String, JsonObject> results = new HashMap<>();
                for (JsonValue result : batchApi.reverseAll(request).getJsonArray("results")) {
                  results.put(text(result.asJsonObject(), "operationKey"), result.asJsonObject());
                }
                return results;
              });
      for (String key : keys) {
        answers.add(reversal(key, byKey.get(key)));
      }
    }
    return answers;
  }

  /** One item's answer, read as the single reversal's would be (a 409 may only have to wait). */
  private Reversal reversal(String key, JsonObject item) {
    if (item == null) {
      return Reversal.later(key, "The bank's answer does not name this operation");
    }
    int status = item.getInt("status", 0);
    if (status == 200) {
      return Reversal.reversed(key);
    }
    JsonObject problem =
        item.get("problem") instanceof JsonObject p ? p : JsonObject.EMPTY_JSON_OBJECT;
    String detail = problem.getString("detail", "The bank refused the reversal (" + status + ")");
    RuntimeException why = BankProblemMapper.of(status, problem.toString());
    if (why instanceof BankProblem refusal) {
      try {
        why = closingRefused(key, "reverse", refusal);
      } catch (BankUnavailableException lookUpFailed) {
        why = lookUpFailed;
      }
    }
    return why instanceof BankRefusedException
        ? Reversal.refused(key, detail)
        : Reversal.later(key, why.getMessage());
  }

  /**
   * A settlement or reversal the bank refused: a 409 while a transfer of the operation is still
   * being carried out only has to wait (the bank's answer says no more than 409, so its operation
   * is read once to know); any other refusal (the operation was closed the other way, the
   * commission is more than is held, the commission account does not exist) will never succeed.
   */
  private RuntimeException closingRefused(String key, String what, BankProblem problem) {
    if (problem.status() == 409) {
      JsonObject operation = refusedIsUnavailable("an operation look-up", () -> api.operation(key));
      boolean queued =
          operation.getJsonArray("transfers") != null
              && operation.getJsonArray("transfers").stream()
                  .map(JsonValue::asJsonObject)
                  .anyMatch(t -> "ACCEPTED".equals(t.getString("status", null)));
      if (queued) {
        return new BankUnavailableException(
            "The bank cannot " + what + " yet: " + problem.getMessage());
      }
    }
    if (problem.status() == 400
        || problem.status() == 404
        || problem.status() == 409
        || problem.status() == 422) {
      return new BankRefusedException(problem.getMessage());
    }
    return unavailable("a " + what, problem);
  }

  @Override
  public List<FeeCache.Rate> fees() {
    return refusedIsUnavailable(
        "the fee schedule",
        () ->
            api.fees().stream()
                .map(JsonValue::asJsonObject)
                .map(
                    f ->
                        new FeeCache.Rate(
                            text(f, "fromBank"),
                            text(f, "toBank"),
                            Percent.of(decimal(f, "percent"))))
                .toList());
  }

  @Override
  public Balance balance(String accountNumber, String authorizationId) {
    try {
      return call(
          "a balance look-up",
          () -> {
            JsonObject answer = api.balance(accountNumber, authorizationId);
            return new Balance(
                Money.of(decimal(answer, "balance")), Money.of(decimal(answer, "held")));
          });
    } catch (BankProblem problem) {
      if (problem.status() == 403 || problem.status() == 409) {
        throw new BankRefusedException(problem.getMessage());
      }
      throw unavailable("a balance look-up", problem);
    }
  }

  // ---- how a call goes wrong ----

  /**
   * The call, with a failed connection, a timeout or an unreadable answer as unavailable. A pooled
   * connection the bank (or a proxy on the way) closed while it was idle fails the next request
   * before any answer ({@code NoHttpResponseException}, a reset): that request is sent once more on
   * a fresh connection. Every call is safe to repeat: transfers carry their idempotency key,
   * settlements and reversals answer a repeat the same, the right code is accepted again until it
   * is used, and a code request that did reach the bank only leaves an unused code behind.
   */
  private static <T> T call(String what, Supplier<T> call) {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.get();
      } catch (BankProblem | BankUnavailableException answered) {
        throw answered;
      } catch (ProcessingException | WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof BankProblem problem) {
            throw problem;
          }
          if (cause instanceof BankUnavailableException away) {
            throw away;
          }
        }
        if (attempt == 0 && closedWhileIdle(e)) {
          continue;
        }
        throw new BankUnavailableException(
            "The bank service cannot be reached for " + what + ": " + e, e);
      } catch (ClassCastException
          | NullPointerException
          | IllegalArgumentException
          | DateTimeException
          | JsonException unreadable) {
        throw new BankUnavailableException(
            "The bank's answer to " + what + " is not readable: " + unreadable, unreadable);
      }
    }
  }

  /** The request met a kept-alive connection that the other side had closed: no answer at all. */
  static boolean closedWhileIdle(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getName().equals("org.apache.http.NoHttpResponseException")) {
        return true;
      }
      if (cause instanceof SocketException
          && !(cause instanceof ConnectException)
          && cause.getMessage() != null
          && (cause.getMessage().contains("reset") || cause.getMessage().contains("Broken pipe"))) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  /** A call where the bank saying no to the marketplace itself is a set-up problem: wait. */
  private static <T> T refusedIsUnavailable(String what, Supplier<T> call) {
    try {
      return call(what, call);
    } catch (BankProblem problem) {
      throw unavailable(what, problem);
    }
  }

  private static BankUnavailableException unavailable(String what, BankProblem problem) {
    return new BankUnavailableException(
        "The bank answered " + problem.status() + " to " + what + ": " + problem.getMessage());
  }

  // ---- reading answers ----

  private static Authorization authorization(JsonObject answer) {
    return new Authorization(
        text(answer, "id"), text(answer, "sentTo"), Instant.parse(text(answer, "expiresAt")));
  }

  private static String text(JsonObject object, String name) {
    return object.getString(name, null);
  }

  private static BigDecimal decimal(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue();
    }
    return new BigDecimal(object.getString(name));
  }
}

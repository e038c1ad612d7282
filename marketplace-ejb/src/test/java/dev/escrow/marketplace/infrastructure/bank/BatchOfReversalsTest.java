package dev.escrow.marketplace.infrastructure.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.application.bank.Reversal;
import dev.escrow.marketplace.application.bank.Reversal.Result;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's batch of reversals: one request per hundred operations (the bank's limit), and each
 * item's answer read as the single reversal's would be.
 */
class BatchOfReversalsTest {

  private final List<Integer> requestSizes = new ArrayList<>();

  @Test
  void twoHundredFiftyOperationsTakeThreeRequests() {
    RestBankGateway gateway = gateway(key -> ok(key), key -> null);
    List<String> keys = IntStream.range(0, 250).mapToObj(i -> "op-" + i).toList();

    List<Reversal> answers = gateway.reverseAll(keys);

    assertEquals(List.of(100, 100, 50), requestSizes);
    assertEquals(keys, answers.stream().map(Reversal::operationKey).toList());
    answers.forEach(a -> assertEquals(Result.REVERSED, a.result(), a.toString()));
  }

  @Test
  void eachItemIsReadOnItsOwn() {
    Map<String, JsonObject> items =
        Map.of(
            "done", ok("done"),
            "settled", problem("settled", 409, "The operation was settled; it cannot be reversed"),
            "queued",
                problem("queued", 409, "A transfer of the operation is still being processed"),
            "unknown", problem("unknown", 404, "No such operation"),
            "broken", problem("broken", 500, "Internal error"));
    RestBankGateway gateway =
        gateway(
            items::get,
            key ->
                operation(
                    key.equals("queued") ? "ACCEPTED" : "COMPLETED",
                    key.equals("settled") ? "SETTLED" : "OPEN"));

    List<Reversal> answers =
        gateway.reverseAll(List.of("done", "settled", "queued", "unknown", "broken", "lost"));

    assertEquals(
        List.of(
            Result.REVERSED,
            Result.REFUSED,
            Result.LATER,
            Result.REFUSED,
            Result.LATER,
            Result.LATER),
        answers.stream().map(Reversal::result).toList());
    assertEquals("The operation was settled; it cannot be reversed", answers.get(1).reason());
    assertEquals(List.of(6), requestSizes);
  }

  @Test
  void aRequestThatFailsIsUnavailable() {
    RestBankGateway gateway =
        gateway(
            key -> {
              throw new ProcessingException(new java.net.ConnectException("Connection refused"));
            },
            key -> null);
    assertThrows(BankUnavailableException.class, () -> gateway.reverseAll(List.of("a", "b")));
  }

  private RestBankGateway gateway(
      Function<String, JsonObject> item, Function<String, JsonObject> operation) {
    PartnerApi api =
        (PartnerApi)
            Proxy.newProxyInstance(
                PartnerApi.class.getClassLoader(),
                new Class<?>[] {PartnerApi.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "reverseAll" -> {
                        JsonObject request = (JsonObject) args[0];
                        requestSizes.add(request.getJsonArray("reversals").size());
                        JsonArrayBuilder results = Json.createArrayBuilder();
                        for (JsonValue v : request.getJsonArray("reversals")) {
                          JsonObject answer =
                              item.apply(v.asJsonObject().getString("operationKey"));
                          if (answer != null) {
                            results.add(answer);
                          }
                        }
                        yield Json.createObjectBuilder().add("results", results).build();
                      }
                      case "operation" -> operation.apply((String) args[0]);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return new RestBankGateway(api);
  }

  private static JsonObject ok(String key) {
    return Json.createObjectBuilder()
        .add("operationKey", key)
        .add("status", 200)
        .add("operation", Json.createObjectBuilder().add("key", key).add("status", "REVERSED"))
        .build();
  }

  private static JsonObject problem(String key, int status, String detail) {
    return Json.createObjectBuilder()
        .add("operationKey", key)
        .add("status", status)
        .add("problem", Json.createObjectBuilder().add("status", status).add("detail", detail))
        .build();
  }

  private static JsonObject operation(String transferStatus, String status) {
    return Json.createObjectBuilder()
        .add("status", status)
        .add(
            "transfers",
            Json.createArrayBuilder().add(Json.createObjectBuilder().add("status", transferStatus)))
        .build();
  }
}

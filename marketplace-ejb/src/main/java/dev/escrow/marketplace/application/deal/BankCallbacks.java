package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.application.bank.CallbackSecret;
import dev.escrow.marketplace.application.bank.TransferOutcome;
import dev.escrow.platform.json.Jsonp;
import dev.escrow.platform.problem.InvalidInputException;
import dev.escrow.platform.security.CallbackSignature;
import dev.escrow.platform.security.CallbackSignature.Check;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Set;

/**
 * The bank tells the marketplace that a transfer ended. A callback is taken only when it proves it
 * comes from the bank: signed with the secret shared at set-up, at a time within 5 minutes of ours
 * ({@link CallbackSignature}), the event id header being the signed body's. Then its outcome is
 * applied at once, the way a polled one is ({@link PaymentProcessing#applyReported}).
 */
@ApplicationScoped
public class BankCallbacks {

  private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "REVERSED");

  @Inject CallbackSecret secret;
  @Inject PaymentProcessing processing;
  @Inject Clock clock;

  /**
   * @return whether the payment changed (false: it had its outcome already)
   * @throws CallbackRefusedException not signed by the bank, or not now (401)
   * @throws InvalidInputException signed, but not a transfer's final state (400)
   */
  public boolean receive(String signature, String eventIdHeader, String body) {
    String key =
        secret
            .secret()
            .orElseThrow(() -> new CallbackRefusedException("This marketplace takes no callbacks"));
    if (eventIdHeader == null || eventIdHeader.isBlank()) {
      throw new CallbackRefusedException(
          "A callback needs the " + CallbackSignature.EVENT_ID_HEADER + " header");
    }
    Check check = CallbackSignature.verify(key, signature, body, clock.instant());
    switch (check) {
      case VALID -> {}
      case MISSING ->
          throw new CallbackRefusedException(
              "A callback needs the " + CallbackSignature.HEADER + " header");
      case STALE ->
          throw new CallbackRefusedException(
              "The callback's time is more than 5 minutes away from now");
      default -> throw new CallbackRefusedException("The callback's signature is not the bank's");
    }
    JsonObject json = parse(body);
    String eventId = text(json, "eventId", 64);
    if (!eventId.equals(eventIdHeader.strip())) {
      throw new CallbackRefusedException("The event id header is not the signed body's");
    }
    String status = text(json, "status", 16);
    if (!FINAL.contains(status)) {
      throw new InvalidInputException("status", "must be COMPLETED, FAILED or REVERSED");
    }
    String failureReason =
        json.containsKey("failureReason") ? text(json, "failureReason", 200) : null;
    if ("FAILED".equals(status) && failureReason == null) {
      throw new InvalidInputException("failureReason", "is required with FAILED");
    }
    return processing.applyReported(
        new PaymentProcessing.Reported(
            eventId,
            text(json, "transferId", 64),
            text(json, "idempotencyKey", 100),
            text(json, "operationKey", 64),
            TransferOutcome.of(status, failureReason)));
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Jsonp.reader(body)) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object) {
        return object;
      }
    } catch (RuntimeException e) {
      // JsonException, and Parsson's plain RuntimeException for input nested too deeply
    }
    throw new InvalidInputException("body", "must be a JSON object");
  }

  private static String text(JsonObject json, String name, int max) {
    if (!(json.get(name) instanceof JsonString value)
        || value.getString().isBlank()
        || value.getString().length() > max) {
      throw new InvalidInputException(name, "must be text of 1 to " + max + " characters");
    }
    return value.getString();
  }
}

package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.application.bank.CallbackSecret;
import dev.escrow.marketplace.application.bank.TransferOutcome;
import dev.escrow.platform.json.Jsonp;
import dev.escrow.platform.problem.ConflictException;
import dev.escrow.platform.problem.InvalidInputException;
import dev.escrow.platform.problem.NotFoundException;
import dev.escrow.platform.security.CallbackSignature;
import dev.escrow.platform.security.CallbackSignature.Check;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

  /** The most events one batch may carry (the bank sends at most this many together). */
  public static final int MAX_EVENTS = 100;

  /**
   * One event's answer: taken (status 200; {@code applied} false when the payment had its outcome
   * already), or refused with the status a single callback would have had (400, 404, 409), or 503
   * when it could not be applied now (the bank sends it again).
   */
  public record Answer(String eventId, int status, boolean applied, String detail) {
    static Answer taken(String eventId, boolean applied) {
      return new Answer(eventId, 200, applied, null);
    }
  }

  /** What a callback request came to: its events' answers, and whether it was a batch. */
  public record Received(boolean batch, List<Answer> answers) {}

  /**
   * One event ({@code {"eventId": ...}}, with the {@code Escrow-Event-Id} header repeating its id),
   * or a batch ({@code {"events": [...]}}, at most {@value #MAX_EVENTS}), signed as a whole. A
   * single event refused is thrown, its status the request's; a batch's events are each applied in
   * their own transaction and each answered as a single callback of it would have been.
   *
   * @throws CallbackRefusedException not signed by the bank, or not now (401): nothing applied
   * @throws InvalidInputException signed, but not a transfer's final state, or not a list of 1 to
   *     {@value #MAX_EVENTS} events (400)
   */
  public Received receive(String signature, String eventIdHeader, String body) {
    JsonObject json = signed(signature, body);
    if (json.containsKey("events")) {
      return new Received(true, batch(json));
    }
    if (eventIdHeader == null || eventIdHeader.isBlank()) {
      throw new CallbackRefusedException(
          "A callback needs the " + CallbackSignature.EVENT_ID_HEADER + " header");
    }
    PaymentProcessing.Reported reported = reported(json);
    if (!reported.eventId().equals(eventIdHeader.strip())) {
      throw new CallbackRefusedException("The event id header is not the signed body's");
    }
    return new Received(
        false, List.of(Answer.taken(reported.eventId(), processing.applyReported(reported))));
  }

  private List<Answer> batch(JsonObject json) {
    if (!(json.get("events") instanceof JsonArray events)
        || events.isEmpty()
        || events.size() > MAX_EVENTS) {
      throw new InvalidInputException("events", "must be a list of 1 to " + MAX_EVENTS + " events");
    }
    List<Answer> answers = new ArrayList<>(events.size());
    for (JsonValue value : events) {
      String eventId =
          value instanceof JsonObject o && o.get("eventId") instanceof JsonString id
              ? id.getString()
              : null;
      try {
        if (!(value instanceof JsonObject event)) {
          throw new InvalidInputException("events", "each must be a JSON object");
        }
        PaymentProcessing.Reported reported = reported(event);
        answers.add(Answer.taken(reported.eventId(), processing.applyReported(reported)));
      } catch (InvalidInputException e) {
        answers.add(new Answer(eventId, 400, false, e.field() + ": " + e.getMessage()));
      } catch (NotFoundException e) {
        answers.add(new Answer(eventId, 404, false, e.getMessage()));
      } catch (ConflictException e) {
        answers.add(new Answer(eventId, 409, false, e.getMessage()));
      } catch (EJBException e) {
        // A lock timeout, the database away: this one is not applied; the bank sends it again.
        answers.add(new Answer(eventId, 503, false, "not applied now; send it again"));
      }
    }
    return answers;
  }

  /** The body, once it proves it is the bank's and of now. */
  private JsonObject signed(String signature, String body) {
    String key =
        secret
            .secret()
            .orElseThrow(() -> new CallbackRefusedException("This marketplace takes no callbacks"));
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
    return parse(body);
  }

  /** One event: a transfer's final state. */
  private static PaymentProcessing.Reported reported(JsonObject json) {
    String eventId = text(json, "eventId", 64);
    String status = text(json, "status", 16);
    if (!FINAL.contains(status)) {
      throw new InvalidInputException("status", "must be COMPLETED, FAILED or REVERSED");
    }
    String failureReason =
        json.containsKey("failureReason") ? text(json, "failureReason", 200) : null;
    if ("FAILED".equals(status) && failureReason == null) {
      throw new InvalidInputException("failureReason", "is required with FAILED");
    }
    return new PaymentProcessing.Reported(
        eventId,
        text(json, "transferId", 64),
        text(json, "idempotencyKey", 100),
        text(json, "operationKey", 64),
        TransferOutcome.of(status, failureReason));
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

package dev.escrow.bank.infrastructure.callback;

import dev.escrow.bank.application.CallbackTransport;
import dev.escrow.platform.json.Jsonp;
import dev.escrow.platform.security.CallbackSignature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends callbacks to a partner, one or a batch in one request, signed ({@link CallbackSignature})
 * at the moment it is sent. The partner's answer to each event decides what happens next ({@link
 * #answer}).
 */
@ApplicationScoped
public class CallbackSender implements CallbackTransport {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private HttpClient http;

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public Sent send(String url, String secret, String eventId, String body, Instant now) {
    HttpResponse<String> response;
    try {
      response = post(url, secret, eventId, body, now);
    } catch (NotSent e) {
      return e.sent;
    }
    return answer(response.statusCode(), response.body());
  }

  /**
   * The partner answers a batch per event: {@code {"results": [{eventId, applied} or {eventId,
   * status, detail}]}}, each taken as the answer to a single callback of it would be; an event it
   * does not name is tried again. A batch refused as a whole is every event's answer.
   */
  @Override
  public Map<String, Sent> sendAll(String url, String secret, List<Event> events, Instant now) {
    StringBuilder body = new StringBuilder(events.size() * 512).append("{\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      body.append(i == 0 ? "" : ",").append(events.get(i).body());
    }
    Map<String, Sent> answers = new LinkedHashMap<>();
    HttpResponse<String> response;
    try {
      response = post(url, secret, null, body.append("]}").toString(), now);
    } catch (NotSent e) {
      events.forEach(event -> answers.put(event.eventId(), e.sent));
      return answers;
    }
    int status = response.statusCode();
    Map<String, Sent> named = status / 100 == 2 ? results(response.body()) : Map.of();
    Sent whole =
        status / 100 == 2
            ? new Sent(Answer.RETRY, "HTTP " + status + ", not among the results")
            : answer(status, response.body());
    events.forEach(
        event -> answers.put(event.eventId(), named.getOrDefault(event.eventId(), whole)));
    return answers;
  }

  private HttpResponse<String> post(
      String url, String secret, String eventId, String body, Instant now) throws NotSent {
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header(CallbackSignature.HEADER, CallbackSignature.sign(secret, now, body))
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException badUrl) {
      throw new NotSent(new Sent(Answer.REFUSED, "not a callback URL: " + url));
    }
    if (eventId != null) {
      request.header(CallbackSignature.EVENT_ID_HEADER, eventId);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NotSent(new Sent(Answer.RETRY, "not reached: " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotSent(new Sent(Answer.RETRY, "interrupted"));
    }
  }

  /**
   * 2xx, or 409 (it had this event already), is delivered; 400, 404, 410 and 422 say it will never
   * take it; anything else, or no answer, is tried again later.
   */
  static Sent answer(int status, String body) {
    String detail = "HTTP " + status;
    if (status / 100 == 2 || status == 409) {
      return new Sent(Answer.DELIVERED, detail);
    }
    if (status == 400 || status == 404 || status == 410 || status == 422) {
      return new Sent(Answer.REFUSED, detail + " " + body);
    }
    return new Sent(Answer.RETRY, detail);
  }

  /** The batch answer's results by event id; an unreadable answer names none. */
  static Map<String, Sent> results(String body) {
    Map<String, Sent> named = new LinkedHashMap<>();
    try (JsonReader reader = Jsonp.reader(body)) {
      for (JsonValue value : reader.readObject().getJsonArray("results")) {
        if (value instanceof JsonObject result
            && result.get("eventId") instanceof JsonString eventId) {
          int status = result.getInt("status", 200);
          named.put(
              eventId.getString(),
              answer(status, status == 200 ? "" : result.getString("detail", "")));
        }
      }
    } catch (RuntimeException unreadable) {
      // JsonException, ClassCastException, NullPointerException: the partner said nothing usable
    }
    return named;
  }

  /** A request that did not reach the partner, or got no answer: its outcome. */
  private static final class NotSent extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Sent sent;

    NotSent(Sent sent) {
      super(sent.detail(), null, false, false);
      this.sent = sent;
    }
  }
}

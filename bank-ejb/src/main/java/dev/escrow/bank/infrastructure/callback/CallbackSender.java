package dev.escrow.bank.infrastructure.callback;

import dev.escrow.bank.application.CallbackTransport;
import dev.escrow.platform.security.CallbackSignature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one callback to a partner, signed ({@link CallbackSignature}) at the moment it is sent. The
 * partner's answer decides what happens next: 2xx, or 409 (it had this event already), is
 * delivered; 400, 404, 410 and 422 say it will never take it; anything else, or no answer, is tried
 * again later.
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
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header(CallbackSignature.EVENT_ID_HEADER, eventId)
              .header(CallbackSignature.HEADER, CallbackSignature.sign(secret, now, body))
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
    } catch (IllegalArgumentException badUrl) {
      return new Sent(Answer.REFUSED, "not a callback URL: " + url);
    }
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      String detail = "HTTP " + status;
      if (status / 100 == 2 || status == 409) {
        return new Sent(Answer.DELIVERED, detail);
      }
      if (status == 400 || status == 404 || status == 410 || status == 422) {
        return new Sent(Answer.REFUSED, detail + " " + response.body());
      }
      return new Sent(Answer.RETRY, detail);
    } catch (IOException e) {
      return new Sent(Answer.RETRY, "not reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sent(Answer.RETRY, "interrupted");
    }
  }
}

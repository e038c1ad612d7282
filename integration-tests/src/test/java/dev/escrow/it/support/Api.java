package dev.escrow.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the tests: JSON in and out, HTTP Basic, the server's base URL. */
public final class Api {

  public static final String ADMIN_PASSWORD = "admin-test-password";
  public static final String OPERATOR_PASSWORD = "operator-test-password";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String login;
  private final String password;

  private Api(String login, String password) {
    this.login = login;
    this.password = password;
  }

  public static Api anonymous() {
    return new Api(null, null);
  }

  public static Api as(String login, String password) {
    return new Api(login, password);
  }

  public static Api admin() {
    return as("admin", ADMIN_PASSWORD);
  }

  public static Api operator() {
    return as("operator", OPERATOR_PASSWORD);
  }

  public static String baseUrl() {
    return "http://127.0.0.1:" + System.getProperty("http.port", "8080");
  }

  /**
   * The server that answers this path: the bank's own for /bank/... when the bank runs on a server
   * of its own ({@code split.bank.base.url}, which only the failsafe execution "split" sets), else
   * the one server.
   */
  public static String baseUrl(String path) {
    String bank = System.getProperty("split.bank.base.url");
    return bank != null && (path.equals("/bank") || path.startsWith("/bank/")) ? bank : baseUrl();
  }

  public static String managementUrl() {
    return "http://127.0.0.1:" + System.getProperty("management.port", "9990");
  }

  /** A login nobody has used yet: tests never collide on data. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Reply post(String path, String json) {
    return send("POST", path, json, Map.of());
  }

  public Reply put(String path, String json) {
    return send("PUT", path, json, Map.of());
  }

  public Reply send(String method, String path, String body, Map<String, String> headers) {
    String url = path.startsWith("http") ? path : baseUrl(path) + path;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (login != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    headers.forEach(request::header);
    if (body != null) {
      if (!headers.containsKey("Content-Type")) {
        request.header("Content-Type", "application/json");
      }
      request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + url + " failed", e);
    }
  }

  /** An answer: status, headers, body, and the body as JSON. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(body()))) {
        return reader.read();
      }
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}

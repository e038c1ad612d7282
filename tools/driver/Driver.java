import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * What the command-line drivers share: JSON requests to the server (HTTP Basic, an optional
 * Idempotency-Key, more headers) and queries through {@code psql} (POSTGRESQL_HOST, _PORT, _USER).
 */
public final class Driver {

  private final String base;
  private final Duration timeout;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  public Driver(String base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
  }

  public Reply get(String path, String user, String password) throws IOException {
    return send("GET", path, user, password, null, null);
  }

  public Reply post(String path, String user, String password, String body, String key)
      throws IOException {
    return send("POST", path, user, password, body, key);
  }

  public Reply send(
      String method, String path, String user, String password, String body, String key)
      throws IOException {
    return send(method, path, user, password, body, key, Map.of());
  }

  /**
   * Sends one request; a 404 page in HTML (the application not deployed yet, e.g. during a restart)
   * is an IOException, like a refused connection.
   */
  public Reply send(
      String method,
      String path,
      String user,
      String password,
      String body,
      String key,
      Map<String, String> headers)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", basic(user, password));
    }
    headers.forEach(request::header);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404 && response.body().contains("<html")) {
        throw new IOException("not deployed yet");
      }
      return new Reply(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** One statement through psql on that database; its output without the header, trimmed. */
  public static String psql(String database, String query) {
    try {
      Process p =
          new ProcessBuilder(
                  "psql",
                  "-h",
                  env("POSTGRESQL_HOST", "127.0.0.1"),
                  "-p",
                  env("POSTGRESQL_PORT", "5432"),
                  "-U",
                  env("POSTGRESQL_USER", "postgres"),
                  "-d",
                  database,
                  "-X",
                  "-q",
                  "-t",
                  "-A",
                  "-v",
                  "ON_ERROR_STOP=1",
                  "-c",
                  query)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.escrow.marketplace.infrastructure.bank;

import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The bank's answers of 400 and above, as the port's exceptions: the bank busy or away (5xx, 408,
 * 429), or the marketplace's key refused (401: a set-up error the operator fixes, so the work
 * waits), is {@link BankUnavailableException}, retry later; any other 4xx is the bank saying no to
 * this request ({@link BankProblem}, a {@code BankRefusedException}) with the problem's detail.
 */
public class BankProblemMapper implements ResponseExceptionMapper<RuntimeException> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public RuntimeException toThrowable(Response response) {
    String body;
    try {
      body = response.hasEntity() ? response.readEntity(String.class) : "";
    } catch (RuntimeException unreadable) {
      body = "";
    }
    return of(response.getStatus(), body);
  }

  /** The exception for this status and body (pure: unit-tested). */
  static RuntimeException of(int status, String body) {
    JsonObject problem = parse(body);
    String detail = problem.getString("detail", null);
    if (status == 401) {
      return new BankUnavailableException(
          "The bank refused the marketplace's API key; check MARKETPLACE_BANK_API_KEY");
    }
    if (status >= 500 || status == 408 || status == 429) {
      return new BankUnavailableException(
          "The bank answered " + status + (detail == null ? "" : ": " + detail));
    }
    return new BankProblem(
        status, detail == null ? "The bank refused the request (" + status + ")" : detail, problem);
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Jsonp.reader(body)) {
      return reader.readObject();
    } catch (RuntimeException notJson) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
  }
}

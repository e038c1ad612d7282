package dev.escrow.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * JSON-P builders and readers from one provider looked up once: {@code jakarta.json.Json}'s static
 * factories look the provider up with a service-loader scan of the class path on every call (in a
 * profile of the bank's batches, a contended jar lookup on every callback and problem answer).
 */
public final class Jsonp {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  /** A reader of this text, to be closed. */
  public static JsonReader reader(String text) {
    return PROVIDER.createReader(new StringReader(text));
  }
}

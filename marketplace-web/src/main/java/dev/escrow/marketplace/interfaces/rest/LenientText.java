package dev.escrow.marketplace.interfaces.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads a JSON string or number as text, so that amounts and ids may come either way ("1500.5" or
 * 1500.5) and are checked later, field by field, with a message naming the field.
 */
public class LenientText implements JsonbDeserializer<String> {

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
    JsonValue value = parser.getValue();
    if (value instanceof JsonString text) {
      return text.getString();
    }
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue().toPlainString();
    }
    if (value == JsonValue.NULL) {
      return null;
    }
    throw new JsonbException("expected a string or a number");
  }
}

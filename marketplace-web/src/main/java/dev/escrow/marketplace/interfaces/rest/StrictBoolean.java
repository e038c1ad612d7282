package dev.escrow.marketplace.interfaces.rest;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads only JSON {@code true}, {@code false} or {@code null} as a flag. JSON-B's own reading takes
 * any string ("maybe", "yes") as {@code false}, so a typo silently did the opposite of what was
 * meant; now it is a 400 like any other malformed field.
 */
public class StrictBoolean implements JsonbDeserializer<Boolean> {

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
    JsonValue value = parser.getValue();
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return Boolean.TRUE;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return Boolean.FALSE;
    }
    if (value == JsonValue.NULL) {
      return null;
    }
    throw new JsonbException("expected true or false");
  }
}

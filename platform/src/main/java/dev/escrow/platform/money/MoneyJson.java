package dev.escrow.platform.money;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * JSON-B for money and percents: read a JSON string ("1500.5") or number (1500.5), write a string
 * with two fraction digits ("1500.50"). Use with {@code @JsonbTypeSerializer} and
 * {@code @JsonbTypeDeserializer} on request and response fields.
 */
public final class MoneyJson {

  private MoneyJson() {}

  static BigDecimal decimal(JsonParser parser) {
    JsonValue value = parser.getValue();
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue();
    }
    if (value instanceof JsonString text) {
      try {
        return new BigDecimal(text.getString().strip());
      } catch (NumberFormatException e) {
        throw new InvalidAmountException("is not a decimal number");
      }
    }
    throw new InvalidAmountException("must be a decimal number or a string holding one");
  }

  public static class MoneyDeserializer implements JsonbDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser parser, DeserializationContext context, Type type) {
      return Money.of(decimal(parser));
    }
  }

  public static class MoneySerializer implements JsonbSerializer<Money> {
    @Override
    public void serialize(Money money, JsonGenerator generator, SerializationContext context) {
      generator.write(money.toString());
    }
  }

  public static class PercentDeserializer implements JsonbDeserializer<Percent> {
    @Override
    public Percent deserialize(JsonParser parser, DeserializationContext context, Type type) {
      return Percent.of(decimal(parser));
    }
  }

  public static class PercentSerializer implements JsonbSerializer<Percent> {
    @Override
    public void serialize(Percent percent, JsonGenerator generator, SerializationContext context) {
      generator.write(percent.toString());
    }
  }
}

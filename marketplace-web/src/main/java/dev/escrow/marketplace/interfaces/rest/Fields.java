package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.domain.offer.PaymentWindow;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import dev.escrow.platform.rest.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns request text into values, collecting every field that is wrong, then {@link #check()}
 * answers 400 naming them all.
 */
final class Fields {

  private final List<Problem.FieldError> errors = new ArrayList<>();

  Money positiveMoney(String field, String text) {
    try {
      Money money = Money.of(text);
      if (!money.isPositive()) {
        errors.add(new Problem.FieldError(field, "must be greater than zero"));
        return null;
      }
      return money;
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError(field, e.getMessage()));
      return null;
    }
  }

  Percent percent(String field, String text) {
    try {
      return Percent.of(text);
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError(field, e.getMessage()));
      return null;
    }
  }

  Duration paymentWindow(String field, String text) {
    try {
      return PaymentWindow.parse(text);
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError(field, e.getMessage()));
      return null;
    }
  }

  String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new Problem.FieldError(field, "must not be blank"));
      return null;
    }
    if (value.strip().length() > max) {
      errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
      return null;
    }
    return value.strip();
  }

  <T> T required(String field, T value) {
    if (value == null) {
      errors.add(new Problem.FieldError(field, "is required"));
    }
    return value;
  }

  /**
   * Checks a service's input here, so that a 400 does not travel through the EJB container (which
   * would log it as a failure).
   */
  static <T> T valid(jakarta.validation.Validator validator, T input) {
    var violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw new jakarta.validation.ConstraintViolationException(violations);
    }
    return input;
  }

  void check() {
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(errors);
    }
  }

  /**
   * The text of one decimal member of an optional JSON object body ({@code null} when the body or
   * the member is absent); a body that is not a JSON object answers 400.
   */
  static String optionalDecimal(String body, String member) {
    if (body == null || body.isBlank()) {
      return null;
    }
    jakarta.json.JsonValue value;
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
      var object = reader.readObject();
      value = object.get(member);
    } catch (RuntimeException e) {
      throw new InvalidFieldsException(
          List.of(new Problem.FieldError("body", "must be a JSON object")));
    }
    if (value == null || value == jakarta.json.JsonValue.NULL) {
      return null;
    }
    if (value instanceof jakarta.json.JsonString s) {
      return s.getString();
    }
    if (value instanceof jakarta.json.JsonNumber n) {
      return n.bigDecimalValue().toPlainString();
    }
    throw new InvalidFieldsException(
        List.of(
            new Problem.FieldError(member, "must be a decimal number or a string holding one")));
  }

  /** A path id: anything that is not one of ours is simply not found. */
  static long id(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException | NullPointerException e) {
      throw new jakarta.ws.rs.NotFoundException();
    }
  }
}

package dev.escrow.marketplace.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * A body the caller may leave out, even without a Content-Type (JAX-RS binds an entity only with
 * one): read with JSON-B like any other body and validated with the same constraints.
 */
final class OptionalBody {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private OptionalBody() {}

  static <T> T read(String body, Class<T> type, T absent, Validator validator) {
    T request = body == null || body.isBlank() ? null : JSONB.fromJson(body, type);
    if (request == null) {
      return absent;
    }
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return request;
  }
}

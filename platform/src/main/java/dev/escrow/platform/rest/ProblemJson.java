package dev.escrow.platform.rest;

import dev.escrow.platform.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a problem as JSON text by hand, so that an error can always be answered, even when the
 * failure came from the JSON binding itself, and so that {@code extra} members sit at the top
 * level.
 */
final class ProblemJson {

  private ProblemJson() {}

  static String write(Problem problem) {
    JsonObjectBuilder json =
        Jsonp.object()
            .add("type", problem.type())
            .add("title", problem.title())
            .add("status", problem.status());
    if (problem.detail() != null) {
      json.add("detail", problem.detail());
    }
    if (problem.errors() != null) {
      JsonArrayBuilder errors = Jsonp.array();
      problem
          .errors()
          .forEach(
              e -> errors.add(Jsonp.object().add("field", e.field()).add("message", e.message())));
      json.add("errors", errors);
    }
    if (problem.extra() != null) {
      for (Map.Entry<String, Object> member : problem.extra().entrySet()) {
        Object value = member.getValue();
        if (value instanceof Integer i) {
          json.add(member.getKey(), i);
        } else if (value instanceof Long l) {
          json.add(member.getKey(), l);
        } else if (value instanceof BigDecimal d) {
          json.add(member.getKey(), d);
        } else if (value instanceof Boolean b) {
          json.add(member.getKey(), b);
        } else if (value != null) {
          json.add(member.getKey(), value.toString());
        }
      }
    }
    return json.build().toString();
  }
}

package dev.escrow.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail: every error of both APIs has this shape. {@code errors} lists the
 * fields a request got wrong; {@code extra} carries a problem's own members (e.g. attemptsLeft).
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    Map<String, Object> extra) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

  public record FieldError(String field, String message) {}

  public static Problem of(Response.Status status, String detail) {
    return of(status.getStatusCode(), status.getReasonPhrase(), detail);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null, null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, fieldErrors, extra);
  }

  public Problem with(Map<String, Object> members) {
    return new Problem(type, title, status, detail, errors, members);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(ProblemJson.write(this)).build();
  }
}

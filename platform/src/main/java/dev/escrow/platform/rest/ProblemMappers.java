package dev.escrow.platform.rest;

import dev.escrow.platform.money.InvalidAmountException;
import dev.escrow.platform.problem.ConflictException;
import dev.escrow.platform.problem.ForbiddenException;
import dev.escrow.platform.problem.InvalidInputException;
import dev.escrow.platform.problem.NoConnection;
import dev.escrow.platform.problem.NotFoundException;
import dev.escrow.platform.problem.UnavailableException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into problem+json. Each war registers these with a one-line {@code @Provider}
 * subclass, because RESTEasy discovers providers only in the war itself.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  /** The detail of every 400 that names its fields. */
  public static final String INVALID_FIELDS = "The request has invalid fields";

  private ProblemMappers() {}

  /** Bean Validation on resource or service parameters: 400 with one entry per field. */
  public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Problem.FieldError> errors =
          e.getConstraintViolations().stream()
              .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
              .sorted(Comparator.comparing(Problem.FieldError::field))
              .toList();
      return Problem.of(Response.Status.BAD_REQUEST, INVALID_FIELDS)
          .withErrors(errors)
          .toResponse();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
      String last = "";
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
          last = node.getName();
        }
      }
      return last.isEmpty() ? "body" : last;
    }
  }

  /** No such thing, or one the caller may not see: 404. */
  public static class NotFoundMapper implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }
  }

  /** A state conflict: 409, naming the field where there is one. */
  public static class ConflictMapper implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      Problem problem = Problem.of(Response.Status.CONFLICT, e.getMessage());
      if (e.field() != null) {
        problem = problem.withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())));
      }
      return problem.toResponse();
    }
  }

  /** The caller may not: 403. */
  public static class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {
    @Override
    public Response toResponse(ForbiddenException e) {
      return Problem.of(Response.Status.FORBIDDEN, e.getMessage()).toResponse();
    }
  }

  /** A field only the service could judge: 400 naming it, like a violated constraint. */
  public static class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return Problem.of(Response.Status.BAD_REQUEST, INVALID_FIELDS)
          .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
          .toResponse();
    }
  }

  /** An amount or percent that breaks the number rules where no field is known: 400. */
  public static class InvalidAmountMapper implements ExceptionMapper<InvalidAmountException> {
    @Override
    public Response toResponse(InvalidAmountException e) {
      return Problem.of(Response.Status.BAD_REQUEST, "The amount " + e.getMessage()).toResponse();
    }
  }

  /** A collaborator cannot be reached now: 503 with Retry-After; nothing changed. */
  public static class UnavailableMapper implements ExceptionMapper<UnavailableException> {
    @Override
    public Response toResponse(UnavailableException e) {
      LOG.warning("A collaborator is unavailable: " + e.getMessage());
      return Response.fromResponse(
              Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.detail()).toResponse())
          .header("Retry-After", e.retryAfterSeconds())
          .build();
    }
  }

  /** Errors the JAX-RS runtime raises itself (404 unknown path, 405, 415, 406, bad JSON ...). */
  public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response original = e.getResponse();
      int status = original.getStatus();
      if (status >= 500) {
        return ThrowableMapper.internal(e);
      }
      String detail = detailFor(e, status);
      Response.ResponseBuilder answer =
          Response.fromResponse(Problem.of(status, reason(status), detail).toResponse());
      Object authenticate = original.getHeaderString("WWW-Authenticate");
      if (authenticate != null) {
        answer.header("WWW-Authenticate", authenticate);
      }
      if (e instanceof NotAllowedException) {
        answer.header("Allow", original.getHeaderString("Allow"));
      }
      return answer.build();
    }

    private static String detailFor(WebApplicationException e, int status) {
      if (e instanceof NotSupportedException) {
        return "Send the body as application/json";
      }
      if (e instanceof NotAcceptableException) {
        return "This resource answers application/json";
      }
      if (status == 404) {
        return "Not found";
      }
      if (status == 400) {
        return "The request body is not valid JSON of the expected shape";
      }
      return e.getMessage() == null ? reason(status) : e.getMessage();
    }
  }

  /** The JSON binding could not read the body (malformed JSON, wrong types). */
  public static class JsonbMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return Problem.of(
              Response.Status.BAD_REQUEST,
              "The request body is not valid JSON of the expected shape")
          .toResponse();
    }
  }

  /** Reading the body failed before any resource ran. */
  public static class ProcessingMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return Problem.of(
              Response.Status.BAD_REQUEST,
              "The request body is not valid JSON of the expected shape")
          .toResponse();
    }
  }

  /**
   * A service (EJB) failed: the container wraps what the service threw. Bean Validation of the
   * service's parameters and a refused domain invariant are the caller's fault (400).
   */
  public static class EjbMapper implements ExceptionMapper<jakarta.ejb.EJBException> {
    @Override
    public Response toResponse(jakarta.ejb.EJBException e) {
      Throwable cause = e.getCause();
      while (cause instanceof jakarta.ejb.EJBException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof ConstraintViolationException violations) {
        return new ValidationMapper().toResponse(violations);
      }
      if (cause instanceof IllegalArgumentException invalid) {
        return Problem.of(Response.Status.BAD_REQUEST, invalid.getMessage()).toResponse();
      }
      return ThrowableMapper.internal(e);
    }
  }

  /**
   * Two requests changed the same row at once (the loser's commit fails on the version check), or
   * raced for the same unique value: the state changed under the request, which is a 409 the caller
   * may retry, not a server error. Nothing was written: the transaction rolled back.
   */
  static Response concurrentChange(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (isConcurrentChange(cause.getClass())) {
        LOG.info("A concurrent change refused a request: " + cause);
        return Problem.of(
                Response.Status.CONFLICT,
                "The object was changed by another request at the same time; try again")
            .toResponse();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /**
   * No database connection could be had in time (the pool is exhausted, or the database is away):
   * the server is overloaded, not broken; the caller should come back (503 with Retry-After).
   * Nothing was written: the transaction rolled back.
   */
  static Response overloaded(Throwable e) {
    if (!NoConnection.in(e)) {
      return null;
    }
    LOG.warning("No database connection for a request: " + e);
    Response problem =
        Problem.of(
                Response.Status.SERVICE_UNAVAILABLE,
                "The service is busy or its database is not reachable; try again shortly")
            .toResponse();
    return Response.fromResponse(problem).header("Retry-After", 1).build();
  }

  /** By name: this library must not link the persistence classes of the wars that use it. */
  private static boolean isConcurrentChange(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      switch (c.getName()) {
        case "jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException",
            "org.hibernate.exception.ConstraintViolationException" -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  /** The last resort: logged with its cause, answered without internals. */
  public static class ThrowableMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return internal(e);
    }

    static Response internal(Throwable e) {
      Response conflict = concurrentChange(e);
      if (conflict != null) {
        return conflict;
      }
      Response busy = overloaded(e);
      if (busy != null) {
        return busy;
      }
      LOG.log(Level.SEVERE, "Unexpected failure while answering a request", e);
      return Problem.of(
              Response.Status.INTERNAL_SERVER_ERROR,
              "An unexpected error occurred; it has been logged")
          .toResponse();
    }
  }

  static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "Error" : known.getReasonPhrase();
  }
}

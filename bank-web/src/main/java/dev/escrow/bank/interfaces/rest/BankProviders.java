package dev.escrow.bank.interfaces.rest;

import dev.escrow.bank.application.ConflictException;
import dev.escrow.bank.application.ForbiddenException;
import dev.escrow.bank.application.InvalidInputException;
import dev.escrow.bank.application.NotFoundException;
import dev.escrow.bank.application.UnavailableException;
import dev.escrow.bank.domain.transfer.OperationConflictException;
import dev.escrow.platform.money.InvalidAmountException;
import dev.escrow.platform.rest.BasicAuthenticationFilter;
import dev.escrow.platform.rest.BodySizeLimit;
import dev.escrow.platform.rest.LoginThrottle;
import dev.escrow.platform.rest.Problem;
import dev.escrow.platform.rest.ProblemMappers;
import dev.escrow.platform.rest.SharedJsonb;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.List;

/** Registers the shared problem mappers and the operator's Basic sign-in with this API. */
final class BankProviders {

  private BankProviders() {}

  private static final LoginThrottle THROTTLE = LoginThrottle.shared(Clock.systemUTC(), "bank");

  @Provider
  @Priority(Priorities.AUTHENTICATION)
  public static class Authentication extends BasicAuthenticationFilter {
    public Authentication() {
      super("Bank back office", THROTTLE);
    }
  }

  @Provider
  public static class BodySize extends BodySizeLimit {}

  @Provider
  public static class JsonBinding extends SharedJsonb {}

  @Provider
  public static class Validation extends ProblemMappers.ValidationMapper {}

  @Provider
  public static class WebApplication extends ProblemMappers.WebApplicationMapper {}

  @Provider
  public static class Jsonb extends ProblemMappers.JsonbMapper {}

  @Provider
  public static class Processing extends ProblemMappers.ProcessingMapper {}

  @Provider
  public static class Ejb extends ProblemMappers.EjbMapper {}

  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class OperationConflict implements ExceptionMapper<OperationConflictException> {
    @Override
    public Response toResponse(OperationConflictException e) {
      return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class Forbidden implements ExceptionMapper<ForbiddenException> {
    @Override
    public Response toResponse(ForbiddenException e) {
      return Problem.of(Response.Status.FORBIDDEN, e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class Unavailable implements ExceptionMapper<UnavailableException> {
    @Override
    public Response toResponse(UnavailableException e) {
      return Response.fromResponse(
              Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse())
          .header("Retry-After", 30)
          .build();
    }
  }

  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return Problem.of(Response.Status.BAD_REQUEST, "The request has invalid fields")
          .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
          .toResponse();
    }
  }

  @Provider
  public static class InvalidAmount implements ExceptionMapper<InvalidAmountException> {
    @Override
    public Response toResponse(InvalidAmountException e) {
      return Problem.of(Response.Status.BAD_REQUEST, "The amount " + e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class Unexpected extends ProblemMappers.ThrowableMapper {}
}

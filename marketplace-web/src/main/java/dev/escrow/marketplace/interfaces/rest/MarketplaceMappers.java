package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.InvalidInputException;
import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.application.deal.CallbackRefusedException;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.platform.rest.Problem;
import dev.escrow.platform.security.CallbackSignature;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Logger;

/** The marketplace's own failures as problem+json. */
final class MarketplaceMappers {

  private static final Logger LOG = Logger.getLogger(MarketplaceMappers.class.getName());

  private MarketplaceMappers() {}

  @Provider
  public static class InvalidFields implements ExceptionMapper<InvalidFieldsException> {
    @Override
    public Response toResponse(InvalidFieldsException e) {
      return Problem.of(Response.Status.BAD_REQUEST, e.getMessage())
          .withErrors(e.errors())
          .toResponse();
    }
  }

  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return Problem.of(Response.Status.BAD_REQUEST, e.getMessage())
          .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
          .toResponse();
    }
  }

  @Provider
  public static class UnknownObject implements ExceptionMapper<UnknownObjectException> {
    @Override
    public Response toResponse(UnknownObjectException e) {
      return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class StateConflict implements ExceptionMapper<StateConflictException> {
    @Override
    public Response toResponse(StateConflictException e) {
      return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class CallbackRefused implements ExceptionMapper<CallbackRefusedException> {
    @Override
    public Response toResponse(CallbackRefusedException e) {
      return Response.fromResponse(
              Problem.of(Response.Status.UNAUTHORIZED, e.getMessage()).toResponse())
          .header("WWW-Authenticate", CallbackSignature.HEADER)
          .build();
    }
  }

  @Provider
  public static class BankUnavailable implements ExceptionMapper<BankUnavailableException> {
    @Override
    public Response toResponse(BankUnavailableException e) {
      LOG.warning("The bank service is unavailable: " + e.getMessage());
      return Response.fromResponse(
              Problem.of(
                      Response.Status.SERVICE_UNAVAILABLE,
                      "The bank cannot be reached at the moment; try again later")
                  .toResponse())
          .header("Retry-After", BankUnavailableException.RETRY_AFTER_SECONDS)
          .build();
    }
  }
}

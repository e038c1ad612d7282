package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.deal.CallbackRefusedException;
import dev.escrow.platform.rest.Problem;
import dev.escrow.platform.rest.ProblemMappers;
import dev.escrow.platform.security.CallbackSignature;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The marketplace's own failures as problem+json (the shared ones are in MarketplaceProviders). */
final class MarketplaceMappers {

  private MarketplaceMappers() {}

  /** A query parameter or header out of range: 400 naming it. */
  @Provider
  public static class InvalidFields implements ExceptionMapper<InvalidFieldsException> {
    @Override
    public Response toResponse(InvalidFieldsException e) {
      return Problem.of(Response.Status.BAD_REQUEST, ProblemMappers.INVALID_FIELDS)
          .withErrors(e.errors())
          .toResponse();
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
}

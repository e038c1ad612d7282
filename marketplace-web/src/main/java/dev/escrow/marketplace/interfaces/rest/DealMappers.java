package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.WrongCodeException;
import dev.escrow.marketplace.domain.payment.AmountAboveRemainingException;
import dev.escrow.platform.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** The payment flow's own answers. */
final class DealMappers {

  private DealMappers() {}

  @Provider
  public static class WrongCode implements ExceptionMapper<WrongCodeException> {
    @Override
    public Response toResponse(WrongCodeException e) {
      return Problem.of(Response.Status.BAD_REQUEST, e.getMessage())
          .withErrors(List.of(new Problem.FieldError("code", "is wrong")))
          .with(Map.of("attemptsLeft", e.attemptsLeft()))
          .toResponse();
    }
  }

  @Provider
  public static class AboveRemaining implements ExceptionMapper<AmountAboveRemainingException> {
    @Override
    public Response toResponse(AmountAboveRemainingException e) {
      return Problem.of(Response.Status.BAD_REQUEST, e.getMessage())
          .withErrors(List.of(new Problem.FieldError("amount", "must be at most " + e.payable())))
          .toResponse();
    }
  }
}

package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.BusinessConflictException;
import dev.escrow.platform.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A state conflict of the domain: 409, naming the field where there is one. */
@Provider
public class ConflictMapper implements ExceptionMapper<BusinessConflictException> {

  @Override
  public Response toResponse(BusinessConflictException e) {
    Problem problem = Problem.of(Response.Status.CONFLICT, e.getMessage());
    if (e.field() != null) {
      problem = problem.withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }
    return problem.toResponse();
  }
}

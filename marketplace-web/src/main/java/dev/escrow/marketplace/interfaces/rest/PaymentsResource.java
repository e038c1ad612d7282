package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.deal.PaymentService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.DealJson.PaymentJson;
import dev.escrow.marketplace.interfaces.rest.Requests.CodeRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A payment: its state, and the buyer's confirmation code. */
@Path("/payments/{id}")
@Produces(MediaType.APPLICATION_JSON)
// Views are built inside the transaction, from the entities the services return.
@Transactional
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class PaymentsResource {

  @Inject PaymentService payments;

  @GET
  @Operation(summary = "A payment, to its payer, the deal's seller and the administrator")
  public PaymentJson payment(@PathParam("id") long id, @Context SecurityContext security) {
    return PaymentJson.of(payments.payment(id, Caller.login(security)));
  }

  @POST
  @Path("/confirmation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The code the bank mailed: the payment is then being processed")
  @APIResponse(
      responseCode = "202",
      description = "PROCESSING: the bank carries it out in the background")
  @APIResponse(
      responseCode = "400",
      description = "Wrong code (attemptsLeft says how many tries remain)")
  @APIResponse(
      responseCode = "409",
      description =
          "The code expired or is locked, the deal is overdue, or the bank refused the payment")
  public Response confirm(
      @PathParam("id") long id,
      @NotNull @Valid CodeRequest request,
      @Context SecurityContext security) {
    long paymentId = id;
    String login = Caller.login(security);
    payments.confirmPayment(paymentId, login, request.code().strip());
    // read again in this request's transaction: the confirmation ran in its own (no lock is held
    // while the bank checks the code), so the payment it returns is detached
    return Response.accepted(PaymentJson.of(payments.payment(paymentId, login))).build();
  }
}

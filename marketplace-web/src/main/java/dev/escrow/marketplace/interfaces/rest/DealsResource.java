package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.application.deal.PaymentService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.DealJson.DealView;
import dev.escrow.marketplace.interfaces.rest.DealJson.PaymentJson;
import dev.escrow.marketplace.interfaces.rest.DealJson.QuoteJson;
import dev.escrow.marketplace.interfaces.rest.Requests.PaymentRequest;
import dev.escrow.platform.money.Amount;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.rest.Problem;
import dev.escrow.platform.security.Sha256;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A deal and its payments: the buyer quotes and starts payments; both parties read the deal. */
@Path("/deals")
@Produces(MediaType.APPLICATION_JSON)
// Views are built inside the transaction, from the entities the services return.
@Transactional
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class DealsResource {

  /** The quote's query: which account pays how much. */
  public static class QuoteQuery {
    @QueryParam("accountId")
    @NotNull(message = Requests.REQUIRED)
    String accountId;

    @QueryParam("amount")
    @NotNull(message = Requests.REQUIRED)
    @Amount
    String amount;
  }

  @Inject DealService deals;
  @Inject PaymentService payments;
  @Inject DealViews views;

  @GET
  @Path("/{id}")
  @Operation(summary = "A deal, to its buyer, its seller and the administrator")
  public DealView deal(@PathParam("id") long id, @Context SecurityContext security) {
    return views.of(deals.deal(id, Caller.login(security)));
  }

  @GET
  @Path("/{id}/quote")
  @Operation(
      summary = "What a payment of this amount from this account costs (fee from the fee cache)")
  public QuoteJson quote(
      @PathParam("id") long id,
      @BeanParam @Valid QuoteQuery query,
      @Context SecurityContext security) {
    PaymentService.Quote quote =
        payments.quote(
            id, Caller.login(security), accountId(query.accountId), Money.of(query.amount));
    return new QuoteJson(
        quote.amount().toString(),
        quote.feePercent().toString(),
        quote.fee().toString(),
        quote.total().toString());
  }

  @POST
  @Path("/{id}/payments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Start a payment: the bank mails the account holder a code (Idempotency-Key honoured)")
  @APIResponse(responseCode = "201", description = "Waiting for the code")
  @APIResponse(responseCode = "400", description = "Invalid, or more than what remains")
  @APIResponse(responseCode = "409", description = "The deal takes no payments (closed or overdue)")
  @APIResponse(
      responseCode = "503",
      description = "The bank cannot be reached: nothing was recorded")
  public Response startPayment(
      @PathParam("id") long id,
      @NotNull @Valid PaymentRequest request,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context SecurityContext security) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw new InvalidFieldsException(
          List.of(new Problem.FieldError("Idempotency-Key", "must be 1 to 200 characters")));
    }
    long dealId = id;
    long accountId = accountId(request.accountId());
    Money amount = request.money();
    PaymentJson started =
        PaymentJson.of(
            payments.startPayment(
                dealId,
                Caller.login(security),
                accountId,
                amount,
                idempotencyKey,
                idempotencyKey == null
                    ? null
                    : Sha256.hex(dealId + "|" + accountId + "|" + amount)));
    return Response.created(URI.create("/api/v1/payments/" + started.id())).entity(started).build();
  }

  /** An account id that is not one of ours is simply not found, like a path id. */
  private static long accountId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new NotFoundException();
    }
  }
}

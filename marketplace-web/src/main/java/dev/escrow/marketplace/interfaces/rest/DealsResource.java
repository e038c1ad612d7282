package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.application.deal.PaymentService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.DealJson.DealView;
import dev.escrow.marketplace.interfaces.rest.DealJson.PaymentJson;
import dev.escrow.marketplace.interfaces.rest.DealJson.QuoteJson;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.security.Sha256;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A deal and its payments: the buyer quotes and starts payments; both parties read the deal. */
@Path("/deals")
@Produces(MediaType.APPLICATION_JSON)
// Views are built inside the transaction, from the entities the services return.
@Transactional
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class DealsResource {

  public record PaymentRequest(
      @JsonbTypeDeserializer(LenientText.class) String accountId,
      @JsonbTypeDeserializer(LenientText.class) String amount) {}

  @Inject DealService deals;
  @Inject PaymentService payments;
  @Inject DealViews views;

  @GET
  @Path("/{id}")
  @Operation(summary = "A deal, to its buyer, its seller and the administrator")
  public DealView deal(@PathParam("id") String id, @Context SecurityContext security) {
    return views.of(deals.deal(Fields.id(id), Caller.login(security)));
  }

  @GET
  @Path("/{id}/quote")
  @Operation(
      summary = "What a payment of this amount from this account costs (fee from the fee cache)")
  public QuoteJson quote(
      @PathParam("id") String id,
      @QueryParam("accountId") String accountId,
      @QueryParam("amount") String amount,
      @Context SecurityContext security) {
    Fields fields = new Fields();
    fields.required("accountId", accountId);
    Money money = fields.positiveMoney("amount", amount);
    fields.check();
    PaymentService.Quote quote =
        payments.quote(Fields.id(id), Caller.login(security), Fields.id(accountId), money);
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
      @PathParam("id") String id,
      PaymentRequest request,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context SecurityContext security) {
    Fields fields = new Fields();
    if (request == null) {
      fields.required("accountId", null);
      fields.required("amount", null);
      fields.check();
    }
    fields.required("accountId", request.accountId());
    Money amount = fields.positiveMoney("amount", request.amount());
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      fields.required("Idempotency-Key", null);
    }
    fields.check();
    long dealId = Fields.id(id);
    long accountId = Fields.id(request.accountId());
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
}

package dev.escrow.bank.interfaces.rest;

import dev.escrow.bank.application.AccountDirectory;
import dev.escrow.bank.application.AccountDirectory.AccountReference;
import dev.escrow.bank.application.AuthorizationService;
import dev.escrow.bank.application.AuthorizationService.VerificationResult;
import dev.escrow.bank.application.FeeScheduleService;
import dev.escrow.bank.application.OperationService;
import dev.escrow.bank.application.Requests.AuthorizationRequest;
import dev.escrow.bank.application.Requests.CodeEntry;
import dev.escrow.bank.application.Requests.SettlementRequest;
import dev.escrow.bank.application.Requests.TransferRequest;
import dev.escrow.bank.application.TransferService;
import dev.escrow.bank.application.Views.AuthorizationView;
import dev.escrow.bank.application.Views.BalanceView;
import dev.escrow.bank.application.Views.FeeRateView;
import dev.escrow.bank.application.Views.OperationView;
import dev.escrow.bank.application.Views.TransferView;
import dev.escrow.platform.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** The marketplace-facing API (docs/bank-partner-api.md): codes, transfers, operations, fees. */
@Path("/partner")
@PartnerApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerResource {

  @Inject AccountDirectory directory;
  @Inject AuthorizationService authorizations;
  @Inject TransferService transfers;
  @Inject OperationService operations;
  @Inject FeeScheduleService fees;
  @Context HttpServletRequest request;

  private long partner() {
    return PartnerKeyFilter.partnerOf(request);
  }

  @GET
  @Path("/accounts/{number}")
  public AccountReference account(
      @PathParam("number") String number,
      @QueryParam("bankRequisite")
          @NotBlank
          @Pattern(regexp = "\\d{9}", message = "must be 9 digits")
          String bankRequisite) {
    return directory.find(number, bankRequisite);
  }

  @POST
  @Path("/authorizations")
  public Response requestCode(@NotNull @Valid AuthorizationRequest body, @Context UriInfo uri) {
    AuthorizationView created = authorizations.requestCode(partner(), body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @POST
  @Path("/authorizations/{id}/verification")
  public Response verify(@PathParam("id") String id, @NotNull @Valid CodeEntry body) {
    VerificationResult result = authorizations.verify(partner(), id, body.code());
    if (result.verification().verified()) {
      return Response.ok(Map.of("id", id, "status", "VERIFIED")).build();
    }
    return CodeRefusals.problem(result.verification());
  }

  @GET
  @Path("/accounts/{number}/balance")
  public BalanceView balance(
      @PathParam("number") String number, @QueryParam("authorizationId") String authorizationId) {
    return authorizations.balance(partner(), number, authorizationId);
  }

  @POST
  @Path("/transfers")
  public Response submit(
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull @Valid TransferRequest body,
      @Context UriInfo uri) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
      return Problem.of(Response.Status.BAD_REQUEST, "Send an Idempotency-Key header")
          .withErrors(
              List.of(
                  new Problem.FieldError("Idempotency-Key", "is required, 1 to 100 characters")))
          .toResponse();
    }
    TransferView accepted = transfers.submit(partner(), idempotencyKey.strip(), body);
    return Response.accepted(accepted)
        .location(uri.getBaseUriBuilder().path("partner/transfers").path(accepted.id()).build())
        .build();
  }

  @GET
  @Path("/transfers/{id}")
  public TransferView transfer(@PathParam("id") String id) {
    return transfers.transfer(partner(), id);
  }

  @GET
  @Path("/operations/{key}")
  public OperationView operation(@PathParam("key") String key) {
    return operations.operation(partner(), key);
  }

  @POST
  @Path("/operations/{key}/settlement")
  public OperationView settle(
      @PathParam("key") String key, @NotNull @Valid SettlementRequest body) {
    return operations.settle(partner(), key, body);
  }

  @POST
  @Path("/operations/{key}/reversal")
  @Consumes(MediaType.WILDCARD)
  public OperationView reverse(@PathParam("key") String key) {
    return operations.reverse(partner(), key);
  }

  @GET
  @Path("/fees")
  public List<FeeRateView> fees() {
    return fees.schedule();
  }
}

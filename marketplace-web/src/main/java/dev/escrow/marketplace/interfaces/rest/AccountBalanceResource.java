package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.AccountBalanceService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.infrastructure.bank.BankClient;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.ws.rs.Consumes;
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

/** The balance of one of my accounts, shown by the bank after a code mailed to the holder. */
@Path("/me/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class AccountBalanceResource {

  public record CodeSent(String authorizationId, String sentTo, String expiresAt) {}

  public record BalanceRequest(
      String authorizationId, @JsonbTypeDeserializer(LenientText.class) String code) {}

  public record BalanceJson(String balance, String held) {}

  @Inject AccountBalanceService balances;

  @POST
  @Path("/balance-code")
  @Operation(summary = "The bank mails the account holder a code for one look at the balance")
  @APIResponse(responseCode = "201", description = "Code sent")
  @APIResponse(responseCode = "503", description = "The bank cannot be reached")
  public Response requestCode(@PathParam("id") String id, @Context SecurityContext security) {
    BankClient.Authorization code = balances.requestCode(Caller.login(security), Fields.id(id));
    return Response.status(Response.Status.CREATED)
        .entity(new CodeSent(code.id(), code.sentTo(), code.expiresAt().toString()))
        .build();
  }

  @POST
  @Path("/balance")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The balance, after the code (once per code)")
  @APIResponse(responseCode = "400", description = "Wrong code (attemptsLeft)")
  @APIResponse(responseCode = "409", description = "The code expired, is locked or was used")
  public BalanceJson balance(
      @PathParam("id") String id, BalanceRequest request, @Context SecurityContext security) {
    Fields fields = new Fields();
    String authorization =
        fields.text("authorizationId", request == null ? null : request.authorizationId(), 64);
    String code = fields.text("code", request == null ? null : request.code(), 32);
    fields.check();
    BankClient.Balance balance =
        balances.balance(Caller.login(security), Fields.id(id), authorization, code);
    return new BalanceJson(balance.balance().toString(), balance.held().toString());
  }
}

package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.AccountBalanceService;
import dev.escrow.marketplace.application.AccountService;
import dev.escrow.marketplace.application.NewAccount;
import dev.escrow.marketplace.application.bank.Authorization;
import dev.escrow.marketplace.application.bank.Balance;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.ApiJson.AccountJson;
import dev.escrow.marketplace.interfaces.rest.Requests.BalanceRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The signed-in user's own bank accounts. */
@Path("/me/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class MyAccountsResource {

  @Inject AccountService accounts;

  @POST
  @Operation(summary = "Bind an account after the bank confirmed it holds it")
  @APIResponse(responseCode = "201", description = "Bound")
  @APIResponse(responseCode = "400", description = "Invalid, or the bank does not hold it")
  @APIResponse(responseCode = "409", description = "The account is already bound")
  @APIResponse(responseCode = "503", description = "The bank cannot be reached")
  public Response bind(
      @NotNull @Valid NewAccount request, @Context SecurityContext security, @Context UriInfo uri) {
    AccountJson bound = AccountJson.of(accounts.bindAccount(Caller.login(security), request));
    return Response.created(uri.getAbsolutePathBuilder().path(bound.id()).build())
        .entity(bound)
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One of my bound accounts")
  @APIResponse(responseCode = "404", description = "No such account of mine")
  public AccountJson one(@PathParam("id") long id, @Context SecurityContext security) {
    return AccountJson.of(accounts.ownAccount(Caller.login(security), id));
  }

  @GET
  @Operation(summary = "My bound accounts")
  public List<AccountJson> list(@Context SecurityContext security) {
    return accounts.accountsOf(Caller.login(security)).stream().map(AccountJson::of).toList();
  }

  // The balance of one of my accounts, shown by the bank after a code mailed to the holder.

  @Inject AccountBalanceService balances;

  public record CodeSent(String authorizationId, String sentTo, String expiresAt) {}

  public record BalanceJson(String balance, String held) {}

  @POST
  @Path("/{id}/balance-code")
  @Operation(summary = "The bank mails the account holder a code for one look at the balance")
  @APIResponse(responseCode = "201", description = "Code sent")
  @APIResponse(responseCode = "503", description = "The bank cannot be reached")
  public Response requestCode(@PathParam("id") long id, @Context SecurityContext security) {
    Authorization code = balances.requestCode(Caller.login(security), id);
    return Response.status(Response.Status.CREATED)
        .entity(new CodeSent(code.id(), code.sentTo(), code.expiresAt().toString()))
        .build();
  }

  @POST
  @Path("/{id}/balance")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The balance, after the code (once per code)")
  @APIResponse(responseCode = "400", description = "Wrong code (attemptsLeft)")
  @APIResponse(responseCode = "409", description = "The code expired, is locked or was used")
  public BalanceJson balance(
      @PathParam("id") long id,
      @NotNull @Valid BalanceRequest request,
      @Context SecurityContext security) {
    Balance balance =
        balances.balance(
            Caller.login(security), id, request.authorizationId().strip(), request.code().strip());
    return new BalanceJson(balance.balance().toString(), balance.held().toString());
  }
}

package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.BankService;
import dev.escrow.marketplace.application.NewBank;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.ApiJson.BankJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The administrator registers banks. */
@Path("/admin/banks")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminBanksResource {

  @Inject BankService banks;

  @POST
  @Operation(summary = "Register a bank that the bank service knows by its requisite")
  @APIResponse(responseCode = "201", description = "Registered")
  @APIResponse(
      responseCode = "400",
      description = "Invalid, or the bank service knows no such requisite")
  @APIResponse(responseCode = "409", description = "A bank with this name or requisite exists")
  @APIResponse(responseCode = "503", description = "The bank service cannot be reached")
  public Response register(@NotNull @Valid NewBank bank, @Context UriInfo uri) {
    BankJson created = BankJson.of(banks.registerBank(bank));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @Operation(summary = "The banks registered with the marketplace")
  public List<BankJson> list() {
    return banks.banks().stream().map(BankJson::of).toList();
  }
}

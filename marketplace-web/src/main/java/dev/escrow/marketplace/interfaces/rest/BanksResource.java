package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.BankService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.ApiJson.BankJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The banks registered with the marketplace, for every signed-in user. */
@Path("/banks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class BanksResource {

  @Inject BankService banks;

  @GET
  @Operation(summary = "The banks registered with the marketplace")
  public List<BankJson> list() {
    return banks.banks().stream().map(BankJson::of).toList();
  }
}

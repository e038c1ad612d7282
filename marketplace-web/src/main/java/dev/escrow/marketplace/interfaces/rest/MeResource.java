package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.ClientService;
import dev.escrow.marketplace.domain.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The signed-in user's own profile. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class MeResource {

  @Inject ClientService clients;

  @GET
  public UserView me(@Context SecurityContext security) {
    return clients
        .byLogin(security.getUserPrincipal().getName())
        .map(UserView::of)
        .orElseThrow(NotFoundException::new);
  }
}

package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.ClientService;
import dev.escrow.marketplace.application.NewClient;
import dev.escrow.marketplace.domain.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The administrator registers and lists clients. */
@Path("/admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AdminClientsResource {

  @Inject ClientService clients;

  @POST
  public Response register(
      @NotNull @Valid NewClient client, @jakarta.ws.rs.core.Context UriInfo uri) {
    UserView created = UserView.of(clients.registerClient(client));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  public List<UserView> list() {
    return clients.clients().stream().map(UserView::of).toList();
  }
}

package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.DealStatusService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.ApiJson.DealStatusJson;
import dev.escrow.marketplace.interfaces.rest.Requests.DealStatusRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Deal statuses: the system ones and those the administrator adds. */
@Path("/admin/deal-statuses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AdminDealStatusesResource {

  @Inject DealStatusService statuses;

  private static String name(DealStatusRequest request) {
    return request.name().strip();
  }

  @GET
  @Operation(summary = "Every deal status, the system ones first")
  public List<DealStatusJson> list() {
    return statuses.statuses().stream().map(DealStatusJson::of).toList();
  }

  @POST
  @Operation(summary = "Add a status; its code is made from the name")
  @APIResponse(responseCode = "201", description = "Added")
  @APIResponse(responseCode = "409", description = "A status with this name exists")
  public Response add(@NotNull @Valid DealStatusRequest request, @Context UriInfo uri) {
    DealStatusJson added = DealStatusJson.of(statuses.addStatus(name(request)));
    return Response.created(uri.getAbsolutePathBuilder().path(added.id()).build())
        .entity(added)
        .build();
  }

  @PUT
  @Path("{id}")
  @Operation(summary = "Rename a status (system ones too: only the shown name changes)")
  @APIResponse(responseCode = "200", description = "Renamed")
  @APIResponse(responseCode = "404", description = "No such status")
  @APIResponse(responseCode = "409", description = "Another status has this name")
  public DealStatusJson rename(
      @PathParam("id") long id, @NotNull @Valid DealStatusRequest request) {
    return DealStatusJson.of(statuses.renameStatus(id, name(request)));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a status the administrator added")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "409", description = "A system status cannot be removed")
  public Response remove(@PathParam("id") long id) {
    statuses.removeStatus(id);
    return Response.noContent().build();
  }
}

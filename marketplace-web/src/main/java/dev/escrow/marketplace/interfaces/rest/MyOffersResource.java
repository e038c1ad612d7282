package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.OfferService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.ApiJson.OfferJson;
import dev.escrow.marketplace.interfaces.rest.Requests.OfferRequest;
import dev.escrow.marketplace.interfaces.rest.Requests.VisibilityRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** The signed-in seller's own offers: submit, list, read, edit, show or hide. */
@Path("/me/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class MyOffersResource {

  @Inject OfferService offers;

  @POST
  @Operation(summary = "Submit an offer; it waits for moderation")
  @APIResponse(responseCode = "201", description = "Submitted, status PENDING_MODERATION")
  @APIResponse(responseCode = "400", description = "Invalid fields")
  public Response submit(
      @NotNull @Valid OfferRequest request,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    OfferJson created = OfferJson.of(offers.submitOffer(Caller.login(security), request.draft()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @Operation(summary = "My offers in every status, newest first")
  public List<OfferJson> list(@Context SecurityContext security) {
    return offers.offersOf(Caller.login(security)).stream().map(OfferJson::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One of my offers")
  @APIResponse(responseCode = "404", description = "No such offer of mine")
  public OfferJson one(@PathParam("id") long id, @Context SecurityContext security) {
    return OfferJson.of(offers.ownOffer(Caller.login(security), id));
  }

  @PUT
  @Path("{id}")
  @Operation(
      summary = "Edit one of my offers",
      description =
          "Replaces title, description, price and payment window. The edited offer goes back to"
              + " moderation (status PENDING_MODERATION) and leaves the catalogue until approved.")
  @APIResponse(responseCode = "200", description = "Edited, status PENDING_MODERATION")
  @APIResponse(responseCode = "404", description = "No such offer of mine")
  @APIResponse(responseCode = "409", description = "A deal is open on the offer, or it is sold")
  public OfferJson edit(
      @PathParam("id") long id,
      @NotNull @Valid OfferRequest request,
      @Context SecurityContext security) {
    return OfferJson.of(offers.reviseOffer(Caller.login(security), id, request.draft()));
  }

  @PUT
  @Path("{id}/visibility")
  @Operation(
      summary = "Show or hide one of my offers in the catalogue",
      description =
          "{\"published\": false} hides an offer from the catalogue without changing its"
              + " moderation status; {\"published\": true} shows it again.")
  @APIResponse(responseCode = "200", description = "The offer")
  @APIResponse(responseCode = "404", description = "No such offer of mine")
  public OfferJson visibility(
      @PathParam("id") long id,
      @NotNull @Valid VisibilityRequest request,
      @Context SecurityContext security) {
    return OfferJson.of(offers.publishOffer(Caller.login(security), id, request.published()));
  }
}

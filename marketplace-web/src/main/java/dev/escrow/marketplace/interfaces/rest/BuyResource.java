package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.DealJson.DealView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** "Buy": opens a deal on an ACTIVE offer. */
@Path("/offers/{id}/buy")
@Produces(MediaType.APPLICATION_JSON)
// Views are built inside the transaction, from the entities the services return.
@Transactional
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class BuyResource {

  @Inject DealService deals;
  @Inject DealViews views;

  @POST
  @Operation(summary = "Buy an offer: opens a deal and reserves the offer")
  @APIResponse(responseCode = "201", description = "The deal, at its Location")
  @APIResponse(
      responseCode = "409",
      description = "The offer is not ACTIVE, or the buyer is its seller")
  public Response buy(@PathParam("id") long offerId, @Context SecurityContext security) {
    DealView deal = views.of(deals.buy(offerId, Caller.login(security)));
    return Response.created(URI.create("/api/v1/deals/" + deal.id())).entity(deal).build();
  }
}

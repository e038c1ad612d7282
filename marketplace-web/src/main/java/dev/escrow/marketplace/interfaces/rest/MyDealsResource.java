package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.DealJson.DealView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The deals where I am the buyer (my deals) or the seller (my sales). */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
// Views are built inside the transaction, from the entities the services return.
@Transactional
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class MyDealsResource {

  @Inject DealService deals;
  @Inject DealViews views;

  @GET
  @Path("/deals")
  public List<DealView> purchases(@Context SecurityContext security) {
    return views.ofAll(deals.purchases(Caller.login(security)));
  }

  @GET
  @Path("/sales")
  public List<DealView> sales(@Context SecurityContext security) {
    return views.ofAll(deals.sales(Caller.login(security)));
  }
}

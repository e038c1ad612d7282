package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.OfferDraft;
import dev.escrow.marketplace.application.OfferService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.ApiJson.OfferJson;
import dev.escrow.marketplace.interfaces.rest.Requests.OfferRequest;
import dev.escrow.marketplace.interfaces.rest.Requests.VisibilityRequest;
import dev.escrow.platform.money.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.time.Duration;
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
  @Inject jakarta.validation.Validator validator;

  OfferDraft draft(OfferRequest request) {
    Fields fields = new Fields();
    Money price = fields.positiveMoney("price", request.price());
    Duration window = fields.paymentWindow("paymentWindow", request.paymentWindow());
    fields.check();
    return Fields.valid(
        validator, new OfferDraft(request.title(), request.description(), price, window));
  }

  @POST
  @Operation(summary = "Submit an offer; it waits for moderation")
  @APIResponse(responseCode = "201", description = "Submitted, status PENDING_MODERATION")
  @APIResponse(responseCode = "400", description = "Invalid fields")
  public Response submit(
      @NotNull OfferRequest request, @Context SecurityContext security, @Context UriInfo uri) {
    OfferJson created = OfferJson.of(offers.submitOffer(Caller.login(security), draft(request)));
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
  public OfferJson one(@PathParam("id") String id, @Context SecurityContext security) {
    return OfferJson.of(offers.ownOffer(Caller.login(security), Fields.id(id)));
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
      @PathParam("id") String id,
      @NotNull OfferRequest request,
      @Context SecurityContext security) {
    long offerId = Fields.id(id);
    return OfferJson.of(offers.reviseOffer(Caller.login(security), offerId, draft(request)));
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
      @PathParam("id") String id,
      @NotNull VisibilityRequest request,
      @Context SecurityContext security) {
    long offerId = Fields.id(id);
    Fields fields = new Fields();
    fields.required("published", request.published());
    fields.check();
    return OfferJson.of(offers.publishOffer(Caller.login(security), offerId, request.published()));
  }
}

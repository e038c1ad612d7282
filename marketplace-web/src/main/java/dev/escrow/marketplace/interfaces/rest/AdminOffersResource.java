package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.ModerationService;
import dev.escrow.marketplace.domain.offer.OfferStatus;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.ApiJson.AdminOfferJson;
import dev.escrow.marketplace.interfaces.rest.Requests.ApproveRequest;
import dev.escrow.marketplace.interfaces.rest.Requests.RejectRequest;
import dev.escrow.platform.rest.Problem;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Moderation: the administrator sees offers with their commission, approves and rejects. */
@Path("/admin/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AdminOffersResource {

  @Inject ModerationService moderation;
  @Inject jakarta.validation.Validator validator;

  @GET
  @Operation(summary = "Offers in one status (all offers without ?status), with commission")
  @APIResponse(responseCode = "400", description = "Unknown status")
  public List<AdminOfferJson> list(@QueryParam("status") String status) {
    OfferStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = OfferStatus.valueOf(status.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldsException(
            List.of(
                new Problem.FieldError(
                    "status",
                    "must be one of PENDING_MODERATION, ACTIVE, REJECTED, RESERVED, SOLD")));
      }
    }
    return moderation.offersWithStatus(wanted).stream().map(AdminOfferJson::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One offer, with commission")
  public AdminOfferJson one(@PathParam("id") long id) {
    return AdminOfferJson.of(moderation.offer(id));
  }

  @POST
  @Path("{id}/approve")
  @Operation(
      summary = "Approve an offer waiting for moderation",
      description =
          "commissionPercent is optional: without it the offer keeps the commission it carries"
              + " (the default when it was created, or what \"apply to all offers\" set since).")
  @APIResponse(responseCode = "200", description = "The offer, now ACTIVE")
  @APIResponse(responseCode = "409", description = "The offer is not PENDING_MODERATION")
  @Consumes(MediaType.WILDCARD)
  public AdminOfferJson approve(@PathParam("id") long id, String body) {
    ApproveRequest request =
        OptionalBody.read(body, ApproveRequest.class, ApproveRequest.NONE, validator);
    return AdminOfferJson.of(moderation.approve(id, request.percent()));
  }

  @POST
  @Path("{id}/reject")
  @Operation(summary = "Reject an offer waiting for moderation, with the reason")
  @APIResponse(responseCode = "200", description = "The offer, now REJECTED")
  @APIResponse(responseCode = "400", description = "No reason")
  @APIResponse(responseCode = "409", description = "The offer is not PENDING_MODERATION")
  public AdminOfferJson reject(@PathParam("id") long id, @NotNull @Valid RejectRequest request) {
    return AdminOfferJson.of(moderation.reject(id, request.reason().strip()));
  }
}

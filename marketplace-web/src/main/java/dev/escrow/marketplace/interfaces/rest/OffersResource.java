package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.OfferService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.ApiJson.OfferJson;
import dev.escrow.platform.rest.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The catalogue: active offers, searchable and paged. */
@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.CLIENT_NAME})
public class OffersResource {

  public static final int DEFAULT_PAGE_SIZE = 20;

  @Inject OfferService offers;

  @GET
  @Operation(
      summary = "The catalogue: ACTIVE (and not hidden) offers, newest first",
      description =
          "q searches title and description (any case); page is 0-based, size 1..100 (default"
              + " 20). The header X-Total-Count gives the number of matching offers.")
  @APIResponse(responseCode = "200", description = "One page of offers")
  @APIResponse(responseCode = "400", description = "page or size out of range")
  public Response catalogue(
      @QueryParam("q") @Parameter(description = "text to search for") String q,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("" + DEFAULT_PAGE_SIZE) String size,
      @Context SecurityContext security) {
    List<Problem.FieldError> errors = new ArrayList<>();
    int pageNumber = number("page", page, 0, 1_000_000, errors);
    int pageSize = number("size", size, 1, OfferService.MAX_PAGE_SIZE, errors);
    if (q != null && q.length() > 200) {
      errors.add(new Problem.FieldError("q", "must be at most 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(errors);
    }
    String login = Caller.login(security);
    OfferService.CataloguePage found =
        offers.cataloguePage(login, q, false, pageNumber * pageSize, pageSize);
    List<OfferJson> json = found.offers().stream().map(OfferJson::of).toList();
    return Response.ok(json).header("X-Total-Count", found.total()).build();
  }

  private static int number(
      String field, String text, int min, int max, List<Problem.FieldError> errors) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new Problem.FieldError(field, "must be a whole number from " + min + " to " + max));
    return min;
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One offer: an ACTIVE one to everybody, any of my own in any status")
  @APIResponse(responseCode = "404", description = "No such offer, or not visible to me")
  public OfferJson one(@PathParam("id") long id, @Context SecurityContext security) {
    return OfferJson.of(offers.visibleOffer(Caller.login(security), id));
  }
}

package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.NewAccount;
import dev.escrow.marketplace.application.SettingsService;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.interfaces.rest.ApiJson.CommissionJson;
import dev.escrow.marketplace.interfaces.rest.Requests.CommissionRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The marketplace's settings: default commission and settlement account. */
@Path("/admin/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AdminSettingsResource {

  @Inject SettingsService settings;

  @GET
  @Operation(
      summary = "The settings",
      description =
          "{defaultCommissionPercent, settlementAccount: {number, bank: {id, name, requisite}}"
              + " or null while none is set}")
  public jakarta.json.JsonObject get() {
    return ApiJson.settings(settings.settings());
  }

  @PUT
  @Path("commission")
  @Operation(
      summary = "Change the default commission",
      description =
          "With applyToAllOffers true, every existing offer gets the new percent in the same"
              + " transaction; offersUpdated says how many. Open deals keep their percent.")
  @APIResponse(responseCode = "200", description = "{defaultCommissionPercent, offersUpdated}")
  @APIResponse(responseCode = "400", description = "Percent missing or outside 0..100")
  public CommissionJson commission(@NotNull @Valid CommissionRequest request) {
    return CommissionJson.of(
        settings.changeDefaultCommission(
            request.percent(), Boolean.TRUE.equals(request.applyToAllOffers())));
  }

  @PUT
  @Path("settlement-account")
  @Operation(
      summary = "Set the marketplace's settlement account",
      description =
          "Body {number, bankId}: the account number (the bank's 3-digit code and 10 hex digits)"
              + " and the id of a registered bank. The bank is asked whether it holds the"
              + " account; commissions are paid into it.")
  @APIResponse(responseCode = "200", description = "The settings")
  @APIResponse(responseCode = "400", description = "Invalid, or the bank does not hold it")
  @APIResponse(responseCode = "503", description = "The bank cannot be reached")
  public jakarta.json.JsonObject settlementAccount(@NotNull @Valid NewAccount request) {
    return ApiJson.settings(settings.changeSettlementAccount(request));
  }
}

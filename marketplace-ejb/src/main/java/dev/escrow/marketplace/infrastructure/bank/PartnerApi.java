package dev.escrow.marketplace.infrastructure.bank;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The bank's HTTP API as the marketplace uses it (docs/bank-partner-api.md), for the MicroProfile
 * REST Client. Built by {@link RestBankGateway} with the base URL of {@link BankWhereabouts}; every
 * answer of 400 and above goes through {@link BankProblemMapper}, so a method returns only a 2xx
 * answer's body.
 */
@RegisterRestClient(configKey = "bank")
@RegisterProvider(BankProblemMapper.class)
@RegisterProvider(BankApiKey.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PartnerApi {

  @GET
  @Path("/banks")
  JsonArray banks();

  @GET
  @Path("/partner/accounts/{number}")
  JsonObject account(
      @PathParam("number") String number, @QueryParam("bankRequisite") String bankRequisite);

  @POST
  @Path("/partner/authorizations")
  JsonObject authorize(JsonObject request);

  @POST
  @Path("/partner/authorizations/{id}/verification")
  JsonObject verify(@PathParam("id") String authorizationId, JsonObject code);

  @POST
  @Path("/partner/transfers")
  JsonObject submitTransfer(
      @HeaderParam("Idempotency-Key") String idempotencyKey, JsonObject order);

  @GET
  @Path("/partner/transfers/{id}")
  JsonObject transfer(@PathParam("id") String transferId);

  @GET
  @Path("/partner/operations/{key}")
  JsonObject operation(@PathParam("key") String operationKey);

  @POST
  @Path("/partner/operations/{key}/settlement")
  JsonObject settle(@PathParam("key") String operationKey, JsonObject commission);

  @POST
  @Path("/partner/operations/{key}/reversal")
  JsonObject reverse(@PathParam("key") String operationKey, JsonObject nothing);

  @POST
  @Path("/partner/operations/reversals")
  JsonObject reverseAll(JsonObject reversals);

  @GET
  @Path("/partner/fees")
  JsonArray fees();

  @GET
  @Path("/partner/accounts/{number}/balance")
  JsonObject balance(
      @PathParam("number") String number, @QueryParam("authorizationId") String authorizationId);
}

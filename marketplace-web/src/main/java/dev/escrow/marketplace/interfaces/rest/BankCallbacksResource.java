package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.deal.BankCallbacks;
import dev.escrow.platform.json.Jsonp;
import dev.escrow.platform.security.CallbackSignature;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The bank's signed callbacks: a transfer reached its final state, or several did (a batch). No
 * user signs in here; the signature over the raw body is the proof (so the body is read as the bank
 * sent it).
 */
@Path("/bank-callbacks")
@PermitAll
public class BankCallbacksResource {

  @Inject BankCallbacks callbacks;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The bank reports a transfer's final state (COMPLETED, FAILED, REVERSED), or several at"
              + " once ({\"events\": [...]}, at most 100); applied at once")
  @APIResponse(
      responseCode = "200",
      description =
          "Taken; applied is false when the payment had its outcome already. A batch answers"
              + " {results: [{eventId, applied} or {eventId, status, detail}]}, each event as a"
              + " single callback of it would have been (400, 404, 409; 503: send it again)")
  @APIResponse(
      responseCode = "400",
      description = "Signed, but not a transfer's final state, or not a list of 1 to 100 events")
  @APIResponse(
      responseCode = "401",
      description = "Signature missing, wrong or more than 5 minutes old; nothing changed")
  @APIResponse(
      responseCode = "404",
      description = "No payment of this marketplace is that transfer")
  @APIResponse(
      responseCode = "409",
      description = "This event id was received already (a replay); nothing changed")
  public Response receive(
      @Parameter(
              in = ParameterIn.HEADER,
              description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">")
          @HeaderParam(CallbackSignature.HEADER)
          String signature,
      @Parameter(
              in = ParameterIn.HEADER,
              description = "The event's id, as in the body (one event; none with a batch)")
          @HeaderParam(CallbackSignature.EVENT_ID_HEADER)
          String eventId,
      String body) {
    BankCallbacks.Received received =
        callbacks.receive(signature, eventId, body == null ? "" : body);
    if (!received.batch()) {
      return Response.ok(answer(received.answers().get(0)).toString(), MediaType.APPLICATION_JSON)
          .build();
    }
    JsonArrayBuilder results = Jsonp.array();
    received.answers().forEach(a -> results.add(answer(a)));
    return Response.ok(
            Jsonp.object().add("results", results).build().toString(), MediaType.APPLICATION_JSON)
        .build();
  }

  /** Taken: {eventId, applied}; refused: {eventId, status, detail}. */
  private static JsonObject answer(BankCallbacks.Answer a) {
    JsonObjectBuilder json = Jsonp.object();
    if (a.eventId() == null) {
      json.addNull("eventId");
    } else {
      json.add("eventId", a.eventId().strip());
    }
    if (a.status() == 200) {
      return json.add("applied", a.applied()).build();
    }
    return json.add("status", a.status()).add("detail", a.detail()).build();
  }
}

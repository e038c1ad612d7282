package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.DealStatusService;
import dev.escrow.marketplace.application.deal.DealService;
import dev.escrow.marketplace.application.deal.PaymentService;
import dev.escrow.marketplace.application.deal.Payouts;
import dev.escrow.marketplace.domain.user.Role;
import dev.escrow.marketplace.infrastructure.jobs.Jobs;
import dev.escrow.marketplace.infrastructure.messaging.DeadLetters;
import dev.escrow.marketplace.interfaces.rest.DealJson.AdminDealView;
import dev.escrow.marketplace.interfaces.rest.DealJson.PaymentJson;
import dev.escrow.marketplace.interfaces.rest.Requests.DealMoveRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The administrator's view of all deals, payments and the batch jobs. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
// Views are built inside the transaction, from the entities the services return.
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class AdminDealsResource {

  public record JobJson(
      String executionId,
      String name,
      String status,
      String startedAt,
      String endedAt,
      String exitStatus) {
    static JobJson of(JobExecution e) {
      return new JobJson(
          String.valueOf(e.getExecutionId()),
          e.getJobName(),
          e.getBatchStatus().name(),
          instant(e.getStartTime()),
          instant(e.getEndTime()),
          e.getExitStatus());
    }

    private static String instant(Date date) {
      return date == null ? null : date.toInstant().toString();
    }
  }

  @Inject DealService deals;
  @Inject DealStatusService statuses;
  @Context SecurityContext security;
  @Inject PaymentService payments;
  @Inject DealViews views;
  @Inject Jobs jobs;
  @Inject DeadLetters deadLetters;
  @Inject Payouts payouts;

  @GET
  @Path("/deals")
  @Operation(summary = "All deals, newest first, with commission and status history")
  public List<AdminDealView> deals(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    // payments and histories of the whole page in one query each, not two per deal
    return deals
        .detailsOf(deals.all(Math.max(first, 0), Math.min(Math.max(max, 1), 500)), true)
        .stream()
        .map(views::forAdmin)
        .toList();
  }

  @PUT
  @Path("/deals/{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Give a deal a status the administrator added (a label: payments, deadline and payout"
              + " follow the system status); recorded in the deal's history")
  @APIResponse(responseCode = "200", description = "The deal with its new status")
  @APIResponse(responseCode = "400", description = "No code, or no such deal status")
  @APIResponse(responseCode = "404", description = "No such deal")
  @APIResponse(
      responseCode = "409",
      description = "A system status (never by hand), or the deal has this status already")
  public AdminDealView move(@PathParam("id") long id, @NotNull @Valid DealMoveRequest request) {
    String login = Caller.login(security);
    deals.moveToStatus(id, statuses.byCode(request.code().strip()), login);
    return views.forAdmin(deals.details(id, login));
  }

  @POST
  @Path("/deals/{id}/payout-retry")
  @Operation(
      summary =
          "Ask the bank again for a payout it refused for good (payoutRefusal), once the cause is"
              + " fixed; the payout is carried out in the background")
  @APIResponse(responseCode = "200", description = "The deal, its payout due again")
  @APIResponse(responseCode = "404", description = "No such deal")
  @APIResponse(responseCode = "409", description = "The deal's payout was not refused")
  public AdminDealView retryPayout(@PathParam("id") long id) {
    payouts.retry(id);
    return views.forAdmin(deals.details(id, Caller.login(security)));
  }

  @GET
  @Path("/payments")
  @Operation(summary = "All payments, newest first")
  public List<PaymentJson> payments(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    return payments.all(Math.max(first, 0), Math.min(Math.max(max, 1), 500)).stream()
        .map(PaymentJson::of)
        .toList();
  }

  @POST
  @Path("/jobs/{name}")
  @Operation(summary = "Start fee-refresh or refund-sweep now (a running one is not started twice)")
  public Response startJob(@PathParam("name") String name) {
    if (!Jobs.NAMES.contains(name)) {
      throw new NotFoundException();
    }
    return Response.accepted(JobJson.of(jobs.start(name))).build();
  }

  @GET
  @Path("/jobs/{executionId}")
  public JobJson job(@PathParam("executionId") long executionId) {
    return jobs.execution(executionId).map(JobJson::of).orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("/jobs")
  public List<JobJson> recentJobs() {
    return jobs.recent(50).stream().map(JobJson::of).toList();
  }

  /** A message redelivery gave up on, as the admin sees it. */
  public record DeadLetterJson(
      String messageId,
      String queue,
      String kind,
      String subjectId,
      Integer attempt,
      Integer deliveries,
      String sentAt,
      String content,
      String node) {
    static DeadLetterJson of(DeadLetters.DeadLetter d) {
      return new DeadLetterJson(
          d.messageId(),
          d.queue(),
          d.kind(),
          d.subjectId(),
          d.attempt(),
          d.deliveries(),
          d.sentAt() == null ? null : d.sentAt().toString(),
          d.content(),
          d.node());
    }
  }

  @GET
  @Path("/dead-letters")
  @Operation(
      summary =
          "Messages the brokers gave up on (moved from each node's java:/jms/queue/DLQ into the"
              + " shared database): background steps that failed their last delivery, with the"
              + " queue they came from and the node")
  public List<DeadLetterJson> deadLetters(@QueryParam("max") @DefaultValue("100") int max) {
    return deadLetters.list(Math.min(Math.max(max, 1), 500)).stream()
        .map(DeadLetterJson::of)
        .toList();
  }
}

package dev.escrow.bank.interfaces.rest;

import dev.escrow.bank.application.AuditService;
import dev.escrow.bank.application.BackOfficeService;
import dev.escrow.bank.application.FeeScheduleService;
import dev.escrow.bank.application.Requests.FeeRateChange;
import dev.escrow.bank.application.Requests.NewAccount;
import dev.escrow.bank.application.Requests.NewCustomer;
import dev.escrow.bank.application.Requests.NewDeposit;
import dev.escrow.bank.application.Requests.SettingsChange;
import dev.escrow.bank.application.SettingsService;
import dev.escrow.bank.application.Views.AccountView;
import dev.escrow.bank.application.Views.AuditView;
import dev.escrow.bank.application.Views.CustomerView;
import dev.escrow.bank.application.Views.FeeRateView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** The operator's back office: customers, accounts, deposits, fees, settings, audit. */
@Path("/backoffice")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class BackOfficeResource {

  @Inject BackOfficeService backOffice;
  @Inject FeeScheduleService fees;
  @Inject SettingsService settings;
  @Inject AuditService audit;

  @POST
  @Path("/customers")
  public Response registerCustomer(@NotNull @Valid NewCustomer customer, @Context UriInfo uri) {
    CustomerView created = backOffice.registerCustomer(customer);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("/customers")
  public List<CustomerView> findCustomers(@QueryParam("q") String text) {
    return backOffice.findCustomers(text);
  }

  @GET
  @Path("/customers/{id}/accounts")
  public List<AccountView> accountsOf(@PathParam("id") long id) {
    return backOffice.accountsOf(id);
  }

  @POST
  @Path("/customers/{id}/accounts")
  public Response openAccount(
      @PathParam("id") long id, @NotNull @Valid NewAccount account, @Context UriInfo uri) {
    AccountView opened = backOffice.openAccount(id, account);
    return Response.created(
            uri.getBaseUriBuilder().path("backoffice/accounts").path(opened.number()).build())
        .entity(
            Map.of(
                "number", opened.number(),
                "bankRequisite", opened.bankRequisite(),
                "balance", opened.balance()))
        .build();
  }

  @GET
  @Path("/accounts")
  public List<AccountView> findAccounts(@QueryParam("number") String numberPrefix) {
    return backOffice.findAccounts(numberPrefix);
  }

  @GET
  @Path("/accounts/{number}")
  public AccountView account(@PathParam("number") String number) {
    return backOffice.account(number);
  }

  @POST
  @Path("/accounts/{number}/deposits")
  public Map<String, String> deposit(
      @PathParam("number") String number, @NotNull @Valid NewDeposit deposit) {
    AccountView account = backOffice.deposit(number, deposit);
    return Map.of("number", account.number(), "balance", account.balance());
  }

  @GET
  @Path("/fees")
  public List<FeeRateView> fees() {
    return fees.schedule();
  }

  @PUT
  @Path("/fees")
  public List<FeeRateView> changeFees(@NotNull @Valid List<@NotNull @Valid FeeRateChange> changes) {
    return fees.change(changes);
  }

  @GET
  @Path("/fee-income")
  public List<FeeScheduleService.FeeIncomeView> feeIncome() {
    return fees.incomes();
  }

  @GET
  @Path("/settings")
  public Map<String, Integer> settings() {
    return Map.of("processingDelaySeconds", settings.processingDelaySeconds());
  }

  @PUT
  @Path("/settings")
  public Map<String, Integer> changeSettings(@NotNull @Valid SettingsChange change) {
    return Map.of(
        "processingDelaySeconds",
        settings.changeProcessingDelay(change.processingDelaySeconds().intValueExact()));
  }

  @GET
  @Path("/audit")
  public AuditView audit() {
    return audit.audit();
  }
}

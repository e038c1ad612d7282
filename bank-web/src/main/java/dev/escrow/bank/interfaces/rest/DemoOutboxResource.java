package dev.escrow.bank.interfaces.rest;

import dev.escrow.bank.application.DemoMode;
import dev.escrow.bank.application.Views.OutboxMessageView;
import dev.escrow.bank.infrastructure.mail.CodeMailer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Demo mode only: the codes the bank "sent" to an address, newest first. Off: 404. */
@Path("/demo/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DemoOutboxResource {

  @Inject DemoMode demo;
  @Inject CodeMailer mailer;

  @GET
  public List<OutboxMessageView> outbox(@QueryParam("to") String to) {
    if (!demo.isOn()) {
      throw new NotFoundException();
    }
    return mailer.outbox(to).stream()
        .map(
            m ->
                new OutboxMessageView(
                    m.recipient(), m.subject(), m.body(), m.code(), m.sentAt().toString()))
        .toList();
  }
}

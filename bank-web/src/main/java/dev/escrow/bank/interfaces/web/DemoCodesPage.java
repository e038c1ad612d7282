package dev.escrow.bank.interfaces.web;

import dev.escrow.bank.application.DemoMode;
import dev.escrow.bank.application.Views;
import dev.escrow.bank.domain.authorization.AuthorizationRepository;
import dev.escrow.bank.infrastructure.mail.CodeMailer;
import dev.escrow.bank.infrastructure.mail.OutboxMessage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * Demo mode only, no sign-in: the demo outbox of the address one code was mailed to, found by that
 * code's authorization id (what the marketplace's payment page links to: it knows the id, not the
 * address). The ids are random UUIDs; outside demo mode the page shows nothing.
 */
@Named
@RequestScoped
public class DemoCodesPage {

  @Inject DemoMode demo;
  @Inject AuthorizationRepository authorizations;
  @Inject CodeMailer mailer;

  private String authorization;
  private String sentTo;
  private List<OutboxMessage> messages = List.of();

  public void read() {
    if (!demo.isOn() || authorization == null || authorization.isBlank()) {
      return;
    }
    Optional<String> recipient = authorizations.recipientOf(authorization);
    recipient.ifPresent(
        to -> {
          sentTo = Views.maskEmail(to);
          messages = mailer.outbox(to);
        });
  }

  public boolean isDemo() {
    return demo.isOn();
  }

  public String getAuthorization() {
    return authorization;
  }

  public void setAuthorization(String authorization) {
    this.authorization = authorization;
  }

  public String getSentTo() {
    return sentTo;
  }

  public List<OutboxMessage> getMessages() {
    return messages;
  }
}

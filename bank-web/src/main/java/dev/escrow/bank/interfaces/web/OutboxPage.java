package dev.escrow.bank.interfaces.web;

import dev.escrow.bank.application.DemoMode;
import dev.escrow.bank.infrastructure.mail.CodeMailer;
import dev.escrow.bank.infrastructure.mail.OutboxMessage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Demo mode: the codes sent to one address. */
@Named
@RequestScoped
public class OutboxPage {

  @Inject DemoMode demo;
  @Inject CodeMailer mailer;

  private String to;
  private List<OutboxMessage> messages = List.of();

  public void read() {
    messages = demo.isOn() ? mailer.outbox(to) : List.of();
  }

  public boolean isDemo() {
    return demo.isOn();
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public List<OutboxMessage> getMessages() {
    return messages;
  }
}

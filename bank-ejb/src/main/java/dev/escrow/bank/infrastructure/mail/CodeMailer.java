package dev.escrow.bank.infrastructure.mail;

import dev.escrow.bank.application.CodeSender;
import dev.escrow.bank.application.DemoMode;
import dev.escrow.platform.problem.UnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a confirmation code by e-mail (Jakarta Mail, session java:jboss/mail/Bank). In demo mode
 * the mail is also kept in the demo outbox and a mail failure is only logged; otherwise a failure
 * answers 503 and the authorization is not created. With SMTP_USER set the mail server is signed in
 * to (SMTP AUTH) with it and SMTP_PASSWORD; without it nothing is sent but the mail. (They are not
 * on the mail session: an unset environment variable cannot leave an attribute out there.)
 */
@ApplicationScoped
public class CodeMailer implements CodeSender {

  private static final Logger LOG = Logger.getLogger(CodeMailer.class.getName());

  @Resource(lookup = "java:jboss/mail/Bank")
  Session session;

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  @Inject DemoMode demo;

  @Inject
  @ConfigProperty(name = "smtp.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "smtp.password")
  Optional<String> password;

  @Override
  public void send(String to, String subject, String text, String code, Instant at) {
    if (demo.isOn()) {
      em.persist(new OutboxMessage(to, subject, text, code, at));
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(at));
      if (user.isPresent()) {
        Transport.send(message, user.get(), password.orElse(""));
      } else {
        Transport.send(message);
      }
    } catch (MessagingException | RuntimeException e) {
      if (demo.isOn()) {
        LOG.log(
            Level.WARNING,
            "Could not mail a confirmation code to {0} ({1}); it is in the demo outbox",
            new Object[] {to, e.getMessage()});
        return;
      }
      LOG.log(Level.SEVERE, "Could not mail a confirmation code to " + to, e);
      throw new UnavailableException(
          "The confirmation code cannot be sent now; try again in a moment");
    }
  }

  /** The demo outbox of one address, newest first. */
  public List<OutboxMessage> outbox(String to) {
    return em.createQuery(
            "select m from OutboxMessage m where m.recipient = :to"
                + " order by m.sentAt desc, m.id desc",
            OutboxMessage.class)
        .setParameter("to", to == null ? "" : to.strip().toLowerCase(java.util.Locale.ROOT))
        .setMaxResults(200)
        .getResultList();
  }
}

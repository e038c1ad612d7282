package dev.escrow.bank.application;

import dev.escrow.bank.application.Requests.AuthorizationRequest;
import dev.escrow.bank.application.Views.AuthorizationView;
import dev.escrow.bank.application.Views.BalanceView;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.account.AccountRepository;
import dev.escrow.bank.domain.authorization.Authorization;
import dev.escrow.bank.domain.authorization.AuthorizationRepository;
import dev.escrow.bank.domain.authorization.Purpose;
import dev.escrow.bank.domain.authorization.Verification;
import dev.escrow.bank.domain.fee.FeeSchedule;
import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.bank.infrastructure.mail.CodeMailer;
import dev.escrow.platform.money.Money;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The account holder confirms a payment or a balance look-up with a one-time code mailed to them:
 * the partner asks for a code, the holder types it, the partner hands it over for checking.
 */
@Stateless
public class AuthorizationService {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject AccountRepository accounts;
  @Inject AuthorizationRepository authorizations;
  @Inject ApiClientRepository clients;
  @Inject FeeSchedule fees;
  @Inject CodeMailer mailer;
  @Inject BankClock clock;

  @Inject
  @ConfigProperty(name = "bank.code.ttl", defaultValue = "PT5M")
  Duration codeTtl;

  /** What one code entry came to, with the authorization as it is now. */
  public record VerificationResult(Verification verification, AuthorizationView authorization) {}

  public AuthorizationView requestCode(
      long partnerId, @NotNull @Valid AuthorizationRequest request) {
    ApiClient partner = clients.byId(partnerId);
    Account account =
        accounts
            .byNumber(request.accountNumber())
            .orElseThrow(() -> new NotFoundException("No such account"));
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    Instant now = clock.now();
    Authorization authorization;
    String text;
    if (Purpose.valueOf(request.purpose()) == Purpose.PAYMENT) {
      if (request.amount() == null) {
        throw new InvalidInputException("amount", "is required for a payment");
      }
      if (request.payeeAccount() == null) {
        throw new InvalidInputException("payeeAccount", "is required for a payment");
      }
      Account payee =
          accounts
              .byNumber(request.payeeAccount())
              .orElseThrow(() -> new NotFoundException("No such payee account"));
      if (payee.id().equals(account.id())) {
        throw new InvalidInputException("payeeAccount", "must differ from the payer's account");
      }
      Money amount = Money.positive(request.amount());
      Money fee = fees.feeFor(amount, account.bank(), payee.bank());
      authorization =
          Authorization.forPayment(
              partner, account, amount, fee, payee, request.reference(), code, now, codeTtl);
      text =
          "Code: "
              + code
              + "\n\nThis code confirms a payment of "
              + amount
              + " RUB (fee "
              + fee
              + " RUB, total "
              + amount.plus(fee)
              + " RUB) from your account "
              + account.number()
              + " to account "
              + payee.number()
              + " ("
              + payee.customer().fullName()
              + ")"
              + reference(request.reference())
              + ".\n"
              + validity();
    } else {
      if (request.amount() != null) {
        throw new InvalidInputException("amount", "is only for a payment");
      }
      if (request.payeeAccount() != null) {
        throw new InvalidInputException("payeeAccount", "is only for a payment");
      }
      authorization =
          Authorization.forBalance(partner, account, request.reference(), code, now, codeTtl);
      text =
          "Code: "
              + code
              + "\n\nThis code lets the marketplace show the balance of your account "
              + account.number()
              + " once"
              + reference(request.reference())
              + ".\n"
              + validity();
    }
    authorizations.add(authorization);
    mailer.send(account.customer().email(), "Your confirmation code", text, code, now);
    return AuthorizationView.of(authorization);
  }

  private static String reference(String reference) {
    return reference == null || reference.isBlank() ? "" : " (reference " + reference + ")";
  }

  private String validity() {
    return "It is valid for "
        + Math.max(1, codeTtl.toMinutes())
        + " minutes and works once. Never tell it to anyone, the bank included;"
        + " if you did not ask for it, ignore this message.";
  }

  public VerificationResult verify(long partnerId, String authorizationId, String code) {
    Authorization authorization = lock(partnerId, authorizationId);
    Verification verification = authorization.verify(code, clock.now());
    return new VerificationResult(verification, AuthorizationView.of(authorization));
  }

  /** The balance, once per verified balance code of that very account. */
  public BalanceView balance(long partnerId, String number, String authorizationId) {
    Account account =
        accounts.byNumber(number).orElseThrow(() -> new NotFoundException("No such account"));
    if (authorizationId == null || authorizationId.isBlank() || authorizationId.length() > 36) {
      throw new ForbiddenException("A verified balance authorization is needed");
    }
    Authorization authorization =
        authorizations
            .lock(clients.byId(partnerId), authorizationId)
            .orElseThrow(
                () -> new ForbiddenException("A verified balance authorization is needed"));
    if (!authorization.confirmsBalanceOf(account)) {
      throw new ForbiddenException(
          "The authorization is not a verified, unused balance look-up of this account");
    }
    authorization.use(clock.now());
    return new BalanceView(
        account.number(), account.balance().toString(), account.held().toString());
  }

  private Authorization lock(long partnerId, String authorizationId) {
    return authorizations
        .lock(clients.byId(partnerId), authorizationId)
        .orElseThrow(() -> new NotFoundException("No such authorization"));
  }
}

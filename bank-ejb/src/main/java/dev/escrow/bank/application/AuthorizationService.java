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
import dev.escrow.platform.money.Money;
import dev.escrow.platform.problem.ForbiddenException;
import dev.escrow.platform.problem.InvalidInputException;
import dev.escrow.platform.problem.NotFoundException;
import dev.escrow.platform.web.Formats;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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
  @Inject CodeSender mailer;
  @Inject Clock clock;

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
    Instant now = clock.instant();
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
          paymentText(
              code,
              amount,
              fee,
              account.number(),
              payee.number(),
              payee.customer().fullName(),
              request.reference());
    } else {
      if (request.amount() != null) {
        throw new InvalidInputException("amount", "is only for a payment");
      }
      if (request.payeeAccount() != null) {
        throw new InvalidInputException("payeeAccount", "is only for a payment");
      }
      authorization =
          Authorization.forBalance(partner, account, request.reference(), code, now, codeTtl);
      text = balanceText(code, account.number(), request.reference());
    }
    authorizations.add(authorization);
    mailer.send(
        account.customer().email(), "Код подтверждения / Confirmation code", text, code, now);
    return AuthorizationView.of(authorization);
  }

  // The bank does not know its customer's language: every code mail is in Russian, then English,
  // with the amounts written as each reads them; "Code: NNNNNN" and "(reference R)" stay as they
  // were for the programs that read them.
  private String paymentText(
      String code,
      Money amount,
      Money fee,
      String from,
      String to,
      String payeeName,
      String reference) {
    Locale ru = Locale.forLanguageTag("ru");
    Locale en = Locale.ENGLISH;
    Money total = amount.plus(fee);
    return "Код / Code: "
        + code
        + "\n\nЭтот код подтверждает платёж "
        + Formats.money(amount.amount(), ru)
        + " (сбор банка "
        + Formats.money(fee.amount(), ru)
        + ", всего "
        + Formats.money(total.amount(), ru)
        + ") с вашего счёта "
        + from
        + " на счёт "
        + to
        + " ("
        + payeeName
        + ")"
        + referenceRu(reference)
        + ".\n"
        + validityRu()
        + "\n\nCode: "
        + code
        + "\n\nThis code confirms a payment of "
        + Formats.money(amount.amount(), en)
        + " (fee "
        + Formats.money(fee.amount(), en)
        + ", total "
        + Formats.money(total.amount(), en)
        + ") from your account "
        + from
        + " to account "
        + to
        + " ("
        + payeeName
        + ")"
        + reference(reference)
        + ".\n"
        + validity();
  }

  private String balanceText(String code, String number, String reference) {
    return "Код / Code: "
        + code
        + "\n\nЭтот код позволит площадке один раз показать баланс вашего счёта "
        + number
        + referenceRu(reference)
        + ".\n"
        + validityRu()
        + "\n\nCode: "
        + code
        + "\n\nThis code lets the marketplace show the balance of your account "
        + number
        + " once"
        + reference(reference)
        + ".\n"
        + validity();
  }

  private static String referenceRu(String reference) {
    return reference == null || reference.isBlank() ? "" : " (основание " + reference + ")";
  }

  private static String reference(String reference) {
    return reference == null || reference.isBlank() ? "" : " (reference " + reference + ")";
  }

  private String validityRu() {
    return "Код действует "
        + Math.max(1, codeTtl.toMinutes())
        + " мин. и срабатывает один раз. Никому его не сообщайте, даже сотрудникам банка;"
        + " если вы его не запрашивали, просто проигнорируйте это письмо.";
  }

  private String validity() {
    return "It is valid for "
        + Math.max(1, codeTtl.toMinutes())
        + " minutes and works once. Never tell it to anyone, the bank included;"
        + " if you did not ask for it, ignore this message.";
  }

  public VerificationResult verify(long partnerId, String authorizationId, String code) {
    Authorization authorization = lock(partnerId, authorizationId);
    Verification verification = authorization.verify(code, clock.instant());
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
    authorization.use(clock.instant());
    return new BalanceView(
        account.number(), account.balance().toString(), account.held().toString());
  }

  private Authorization lock(long partnerId, String authorizationId) {
    return authorizations
        .lock(clients.byId(partnerId), authorizationId)
        .orElseThrow(() -> new NotFoundException("No such authorization"));
  }
}

package dev.escrow.bank.domain.authorization;

import static dev.escrow.bank.domain.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.bank.domain.Fixtures;
import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.bank.Bank;
import dev.escrow.platform.money.Money;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthorizationTest {

  static final Duration TTL = Duration.ofMinutes(5);
  final Bank bank = Fixtures.bank("042");
  final Account payer = Fixtures.account(bank);
  final Account payee = Fixtures.account(bank);

  Authorization payment(String code) {
    return Authorization.forPayment(
        Fixtures.partner(),
        payer,
        Money.of("100.00"),
        Money.of("1.00"),
        payee,
        "r",
        code,
        NOW,
        TTL);
  }

  @Test
  void theRightCodeVerifiesAgainUntilItIsUsedButNoOtherCode() {
    Authorization authorization = payment("123456");
    assertTrue(authorization.verify("123456", NOW.plusSeconds(10)).verified());
    assertEquals(AuthorizationStatus.VERIFIED, authorization.status());
    assertTrue(
        authorization.verify("123456", NOW.plusSeconds(11)).verified(),
        "a partner that lost the answer asks again");
    assertEquals(
        Verification.Outcome.ALREADY_USED,
        authorization.verify("654321", NOW.plusSeconds(12)).outcome());
    authorization.use(NOW.plusSeconds(13));
    assertEquals(
        Verification.Outcome.ALREADY_USED,
        authorization.verify("123456", NOW.plusSeconds(14)).outcome());
  }

  @Test
  void aCodeExpiresAfterItsLifetimeEvenWhenRight() {
    Authorization authorization = payment("123456");
    assertEquals(NOW.plus(TTL), authorization.expiresAt());
    assertEquals(
        Verification.Outcome.EXPIRED, authorization.verify("123456", NOW.plus(TTL)).outcome());
    assertEquals(AuthorizationStatus.PENDING, authorization.status());
    assertTrue(authorization.verify("123456", NOW.plus(TTL).minusMillis(1)).verified());
  }

  @Test
  void fiveWrongCodesLockTheAuthorization() {
    Authorization authorization = payment("123456");
    for (int left = 4; left >= 0; left--) {
      Verification wrong = authorization.verify("654321", NOW);
      assertEquals(Verification.Outcome.WRONG_CODE, wrong.outcome());
      assertEquals(left, wrong.attemptsLeft());
    }
    assertEquals(AuthorizationStatus.LOCKED, authorization.status());
    assertEquals(Verification.Outcome.LOCKED, authorization.verify("123456", NOW).outcome());
  }

  @Test
  void eachWrongCodeCostsATryAndTheRightOneStillWorksOnTheLast() {
    Authorization authorization = payment("123456");
    for (int left = 4; left >= 1; left--) {
      assertEquals(
          new Verification(Verification.Outcome.WRONG_CODE, left),
          authorization.verify(left == 2 ? null : "000000", NOW));
      assertEquals(AuthorizationStatus.PENDING, authorization.status());
    }
    assertEquals(
        new Verification(Verification.Outcome.VERIFIED, 1),
        authorization.verify(" 123456 ", NOW),
        "the code as typed, spaces around");
    assertEquals(AuthorizationStatus.VERIFIED, authorization.status());
  }

  @Test
  void aLockedAuthorizationStaysLockedAndCannotBeUsed() {
    Authorization authorization = payment("123456");
    for (int i = 0; i < Authorization.MAX_ATTEMPTS; i++) {
      authorization.verify("000000", NOW);
    }
    assertEquals(new Verification(Verification.Outcome.LOCKED, 0), authorization.verify("0", NOW));
    assertEquals(0, authorization.attemptsLeft());
    assertThrows(IllegalStateException.class, () -> authorization.use(NOW));
    assertEquals(AuthorizationStatus.LOCKED, authorization.status());
  }

  @Test
  void aCodeEnteredTooLateCostsNoTry() {
    Authorization authorization = payment("123456");
    assertEquals(
        new Verification(Verification.Outcome.EXPIRED, 5),
        authorization.verify("000000", NOW.plus(TTL)));
    assertEquals(5, authorization.attemptsLeft());
    assertEquals(AuthorizationStatus.PENDING, authorization.status());
  }

  @Test
  void theCodeIsNotKeptInClear() throws Exception {
    Authorization authorization = payment("123456");
    var field = Authorization.class.getDeclaredField("codeHash");
    field.setAccessible(true);
    String hash = (String) field.get(authorization);
    assertFalse(hash.contains("123456"));
    assertEquals(64, hash.length());
    Authorization other = payment("123456");
    assertFalse(hash.equals(field.get(other)), "salted with the authorization's id");
  }

  @Test
  void aPaymentCodeConfirmsExactlyThatPayment() {
    Authorization authorization = payment("123456");
    authorization.verify("123456", NOW);
    assertTrue(authorization.confirms(payer, payee, Money.of("100.00"), Money.of("1.00")));
    assertFalse(authorization.confirms(payer, payee, Money.of("100.01"), Money.of("1.00")));
    assertFalse(authorization.confirms(payer, payee, Money.of("100.00"), Money.of("0.00")));
    assertFalse(
        authorization.confirms(
            payer, Fixtures.account(bank), Money.of("100.00"), Money.of("1.00")));
    assertFalse(authorization.confirmsBalanceOf(payer), "a payment code shows no balance");
  }

  @Test
  void aBalanceCodeIsUsedOnce() {
    Authorization authorization =
        Authorization.forBalance(Fixtures.partner(), payer, null, "000001", NOW, TTL);
    assertFalse(authorization.confirmsBalanceOf(payer), "not before verification");
    authorization.verify("000001", NOW);
    assertTrue(authorization.confirmsBalanceOf(payer));
    assertFalse(authorization.confirmsBalanceOf(payee));
    authorization.use(NOW);
    assertFalse(authorization.confirmsBalanceOf(payer));
    assertThrows(IllegalStateException.class, () -> authorization.use(NOW));
  }

  @Test
  void aPaymentToItselfIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Authorization.forPayment(
                Fixtures.partner(),
                payer,
                Money.of("1.00"),
                Money.ZERO,
                payer,
                null,
                "1",
                NOW,
                TTL));
  }
}

package dev.escrow.it.bank;

import static dev.escrow.it.bank.BankFixture.AURORA;
import static dev.escrow.it.bank.BankFixture.NORTHERN;
import static dev.escrow.it.bank.BankFixture.codeFrom;
import static dev.escrow.it.bank.BankFixture.partnerGet;
import static dev.escrow.it.bank.BankFixture.partnerPost;
import static dev.escrow.it.bank.BankFixture.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.escrow.it.bank.BankFixture.Holder;
import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The partner API's key and the holder's one-time codes, received over real SMTP. */
class BankPartnerCodesIT extends EarDeployment {

  @RegisterExtension static GreenMailExtension mail = BankFixture.mailServer();

  @Test
  void aMissingOrWrongApiKeyAnswers401() {
    Api.Reply none = Api.anonymous().get("/bank/api/v1/partner/fees");
    assertEquals(401, none.status());
    assertEquals("application/problem+json", none.header("Content-Type"));
    Api.Reply wrong =
        Api.anonymous().send("GET", "/bank/api/v1/partner/fees", null, Map.of("X-Api-Key", "nope"));
    assertEquals(401, wrong.status());
    assertEquals(200, partnerGet("/fees").status());
  }

  @Test
  void anAccountIsFoundOnlyAtItsOwnBank() {
    Holder holder = BankFixture.holder("Maria Lebedeva", NORTHERN, "0");
    Api.Reply found = partnerGet("/accounts/" + holder.number() + "?bankRequisite=" + NORTHERN);
    assertEquals(200, found.status(), found.body());
    assertEquals(holder.number(), found.json().getString("number"));
    assertEquals(NORTHERN, found.json().getString("bankRequisite"));
    assertEquals(
        404, partnerGet("/accounts/" + holder.number() + "?bankRequisite=" + AURORA).status());
    assertEquals(404, partnerGet("/accounts/1170000000000?bankRequisite=" + NORTHERN).status());
  }

  @Test
  void theRightCodeVerifiesAndTheMailSaysWhatItConfirms() throws Exception {
    Holder payer = BankFixture.holder("Sergey Novikov", AURORA, "500.00");
    Holder payee = BankFixture.holder("Elena Morozova", NORTHERN, "0");
    String reference = "ref-" + UUID.randomUUID();
    Api.Reply requested = BankFixture.requestPayment(payer, payee, "200.00", reference);
    assertEquals(201, requested.status(), requested.body());
    JsonObject authorization = requested.json();
    assertEquals("PAYMENT", authorization.getString("purpose"));
    assertEquals(5, authorization.getInt("attemptsLeft"));
    assertEquals("200.00", authorization.getString("amount"));
    assertEquals("2.00", authorization.getString("fee"));
    assertEquals("202.00", authorization.getString("total"));
    assertTrue(authorization.getString("sentTo").startsWith(payer.email().charAt(0) + "***@"));
    assertTrue(authorization.containsKey("expiresAt"));

    String code = codeFrom(mail, payer.email(), reference);
    MimeMessage message = mail.getReceivedMessages()[mail.getReceivedMessages().length - 1];
    String text = message.getContent().toString();
    assertTrue(text.contains("200.00") && text.contains(payee.number()), text);

    Api.Reply verified = verify(authorization.getString("id"), code);
    assertEquals(200, verified.status(), verified.body());
    assertEquals("VERIFIED", verified.json().getString("status"));
    Api.Reply again = verify(authorization.getString("id"), code);
    assertEquals(
        200, again.status(), "a partner that lost the answer may ask again: " + again.body());
    String other = code.equals("000000") ? "111111" : "000000";
    Api.Reply otherCode = verify(authorization.getString("id"), other);
    assertEquals(409, otherCode.status(), "once verified, no other code is tried");
  }

  @Test
  void aWrongCodeTellsTheTriesLeftAndFiveLockTheAuthorization() {
    Holder payer = BankFixture.holder("Dmitry Sokolov", AURORA, "500.00");
    Holder payee = BankFixture.holder("Natalia Popova", AURORA, "0");
    String reference = "ref-" + UUID.randomUUID();
    JsonObject authorization = BankFixture.requestPayment(payer, payee, "10.00", reference).json();
    String code = codeFrom(mail, payer.email(), reference);
    String wrong = code.equals("000000") ? "111111" : "000000";
    String id = authorization.getString("id");
    for (int left = 4; left >= 0; left--) {
      Api.Reply reply = verify(id, wrong);
      assertEquals(400, reply.status(), reply.body());
      assertEquals(left, reply.json().getInt("attemptsLeft"));
      assertEquals("code", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    Api.Reply locked = verify(id, code);
    assertEquals(409, locked.status(), "the right code no longer helps: " + locked.body());
    assertEquals("LOCKED", locked.json().getString("reason"));
  }

  @Test
  void aMalformedCodeOrUnknownAuthorizationIsRefused() {
    assertEquals(404, verify(UUID.randomUUID().toString(), "123456").status());
    Api.Reply malformed = verify(UUID.randomUUID().toString(), "12ab");
    assertEquals(400, malformed.status());
  }

  @Test
  void theBalanceNeedsAVerifiedBalanceCodeOfThatAccountAndIsShownOnce() {
    Holder holder = BankFixture.holder("Alexey Kuznetsov", NORTHERN, "321.45");
    Holder other = BankFixture.holder("Ivan Petrov", NORTHERN, "0");
    assertEquals(403, partnerGet("/accounts/" + holder.number() + "/balance").status());

    String reference = "ref-" + UUID.randomUUID();
    JsonObject authorization = BankFixture.requestBalance(holder, reference).json();
    assertEquals("BALANCE", authorization.getString("purpose"));
    String balancePath =
        "/accounts/"
            + holder.number()
            + "/balance?authorizationId="
            + authorization.getString("id");
    assertEquals(403, partnerGet(balancePath).status(), "not verified yet");
    assertEquals(
        200,
        verify(authorization.getString("id"), codeFrom(mail, holder.email(), reference)).status());
    assertEquals(
        403,
        partnerGet(
                "/accounts/"
                    + other.number()
                    + "/balance?authorizationId="
                    + authorization.getString("id"))
            .status(),
        "not for another account");
    Api.Reply balance = partnerGet(balancePath);
    assertEquals(200, balance.status(), balance.body());
    assertEquals("321.45", balance.json().getString("balance"));
    assertEquals("0.00", balance.json().getString("held"));
    assertEquals(403, partnerGet(balancePath).status(), "once only");
  }

  @Test
  void aCodeForOnePurposeCannotAuthorizeAnother() {
    Holder payer = BankFixture.holder("Olga Kozlova", AURORA, "1000.00");
    Holder payee = BankFixture.holder("Petr Morozov", AURORA, "0");
    JsonObject payment = BankFixture.authorizedPayment(mail, payer, payee, "100.00");
    Api.Reply balance =
        partnerGet(
            "/accounts/" + payer.number() + "/balance?authorizationId=" + payment.getString("id"));
    assertEquals(403, balance.status(), "a payment code shows no balance");

    String reference = "ref-" + UUID.randomUUID();
    JsonObject look = BankFixture.requestBalance(payer, reference).json();
    assertEquals(
        200, verify(look.getString("id"), codeFrom(mail, payer.email(), reference)).status());
    Api.Reply transfer =
        BankFixture.submit(
            look,
            payer,
            payee,
            "100.00",
            "0.00",
            "g-" + UUID.randomUUID(),
            UUID.randomUUID().toString());
    assertEquals(409, transfer.status(), "a balance code pays nothing: " + transfer.body());

    Api.Reply otherAmount =
        BankFixture.submit(
            payment,
            payer,
            payee,
            "100.01",
            "0.00",
            "g-" + UUID.randomUUID(),
            UUID.randomUUID().toString());
    assertEquals(409, otherAmount.status(), "the code confirms 100.00 only");
    Holder stranger = BankFixture.holder("Anna Ivanova", AURORA, "0");
    Api.Reply otherPayee =
        BankFixture.submit(
            payment,
            payer,
            stranger,
            "100.00",
            "0.00",
            "g-" + UUID.randomUUID(),
            UUID.randomUUID().toString());
    assertEquals(409, otherPayee.status(), "the code confirms that payee only");
    assertEquals("1000.00", BankFixture.account(payer.number()).getString("balance"));
  }

  @Test
  void badAuthorizationRequestsAnswer400() {
    Holder payer = BankFixture.holder("Maria Sokolova", AURORA, "10.00");
    Holder payee = BankFixture.holder("Sergey Lebedev", NORTHERN, "0");
    String[] bodies = {
      "{\"accountNumber\":\"x\",\"purpose\":\"PAYMENT\",\"amount\":\"1\",\"payeeAccount\":\""
          + payee.number()
          + "\"}",
      "{\"accountNumber\":\"" + payer.number() + "\",\"purpose\":\"STEAL\"}",
      "{\"accountNumber\":\""
          + payer.number()
          + "\",\"purpose\":\"PAYMENT\",\"payeeAccount\":\""
          + payee.number()
          + "\"}",
      "{\"accountNumber\":\"" + payer.number() + "\",\"purpose\":\"PAYMENT\",\"amount\":\"1\"}",
      "{\"accountNumber\":\""
          + payer.number()
          + "\",\"purpose\":\"PAYMENT\",\"amount\":\"-1\",\"payeeAccount\":\""
          + payee.number()
          + "\"}",
      "{\"accountNumber\":\""
          + payer.number()
          + "\",\"purpose\":\"PAYMENT\",\"amount\":\"1.001\",\"payeeAccount\":\""
          + payee.number()
          + "\"}",
      "{\"accountNumber\":\""
          + payer.number()
          + "\",\"purpose\":\"PAYMENT\",\"amount\":\"1\",\"payeeAccount\":\""
          + payer.number()
          + "\"}",
      "{\"accountNumber\":\"" + payer.number() + "\",\"purpose\":\"BALANCE\",\"amount\":\"1\"}",
      "{\"accountNumber\":\""
          + payer.number()
          + "\",\"purpose\":\"PAYMENT\",\"amount\":\"1\",\"payeeAccount\":\"bad\"}",
      "[]",
      "not json",
    };
    int before = mail.getReceivedMessages().length;
    for (String body : bodies) {
      Api.Reply reply = partnerPost("/authorizations", body);
      assertEquals(400, reply.status(), body + " -> " + reply.body());
      assertEquals("application/problem+json", reply.header("Content-Type"));
    }
    assertEquals(before, mail.getReceivedMessages().length, "no code was sent");
    Api.Reply unknown =
        partnerPost(
            "/authorizations", "{\"accountNumber\":\"0420000000000\",\"purpose\":\"BALANCE\"}");
    assertEquals(404, unknown.status());
    assertNotEquals(0, payer.number().length());
  }
}

package dev.escrow.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Builds the world a payment test needs through the public APIs only: bank customers with accounts
 * and money (back office), marketplace clients with bound accounts, an approved offer.
 */
public final class Market {

  /**
   * How long a test waits for an asynchronous outcome (a mail, a payment carried out, a payout, a
   * job) before it fails: generous, because the suite shares 2 cores with other builds and a
   * payment passes through three queues; a passing test waits only as long as the outcome takes.
   */
  public static final Duration PATIENCE = Duration.ofMinutes(2);

  public static final String BANK_A = "044525042"; // code 042
  public static final String BANK_B = "044030117"; // code 117

  private Market() {}

  /** A person known to both: a bank customer with one funded account, and a marketplace client. */
  public record Person(
      String login, String password, String email, String accountNumber, String accountId) {
    public Api api() {
      return Api.as(login, password);
    }
  }

  public static Person client(String bankRequisite, String deposit) {
    String login = Api.unique("user");
    String email = login + "@example.com";
    String password = "password-" + login;
    Api.Reply customer =
        Api.operator()
            .post(
                "/bank/api/v1/backoffice/customers",
                "{\"fullName\":\"Customer "
                    + login
                    + "\",\"email\":\""
                    + email
                    + "\",\"phone\":\"+70000000000\"}");
    assertEquals(201, customer.status(), customer.body());
    String number =
        openAccount(customer.json().get("id").toString().replace("\"", ""), bankRequisite);
    if (deposit != null) {
      Api.Reply deposited =
          Api.operator()
              .post(
                  "/bank/api/v1/backoffice/accounts/" + number + "/deposits",
                  "{\"amount\":\"" + deposit + "\"}");
      assertEquals(200, deposited.status(), deposited.body());
    }
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/clients",
                "{\"fullName\":\"Client "
                    + login
                    + "\",\"login\":\""
                    + login
                    + "\",\"password\":\""
                    + password
                    + "\"}");
    assertEquals(201, created.status(), created.body());
    Api.Reply bound =
        Api.as(login, password)
            .post(
                "/api/v1/me/accounts",
                "{\"number\":\""
                    + number
                    + "\",\"bankId\":\""
                    + marketplaceBank(bankRequisite)
                    + "\"}");
    assertEquals(201, bound.status(), bound.body());
    return new Person(login, password, email, number, bound.json().getString("id"));
  }

  public static String openAccount(String customerId, String bankRequisite) {
    Api.Reply account =
        Api.operator()
            .post(
                "/bank/api/v1/backoffice/customers/" + customerId + "/accounts",
                "{\"bankRequisite\":\"" + bankRequisite + "\"}");
    assertEquals(201, account.status(), account.body());
    return account.json().getString("number");
  }

  /** The marketplace's id of the bank with this requisite, registering it on first use. */
  public static synchronized String marketplaceBank(String requisite) {
    for (var bank : Api.admin().get("/api/v1/banks").array()) {
      if (bank.asJsonObject().getString("requisite").equals(requisite)) {
        return bank.asJsonObject().getString("id");
      }
    }
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/banks",
                "{\"name\":\"Bank " + requisite + "\",\"requisite\":\"" + requisite + "\"}");
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  /** The marketplace's settlement account: set once per server, at bank A. */
  public static synchronized String settlementAccount() {
    JsonObject settings = Api.admin().get("/api/v1/admin/settings").json();
    if (settings.get("settlementAccount") != null && !settings.isNull("settlementAccount")) {
      JsonObject account = settings.getJsonObject("settlementAccount");
      return account.getString("number");
    }
    Api.Reply customer =
        Api.operator()
            .post(
                "/bank/api/v1/backoffice/customers",
                "{\"fullName\":\"Marketplace\",\"email\":\"finance@market.example\",\"phone\":\"+70000000001\"}");
    String number = openAccount(customer.json().get("id").toString().replace("\"", ""), BANK_A);
    Api.Reply set =
        Api.admin()
            .put(
                "/api/v1/admin/settings/settlement-account",
                "{\"number\":\"" + number + "\",\"bankId\":\"" + marketplaceBank(BANK_A) + "\"}");
    assertEquals(200, set.status(), set.body());
    return number;
  }

  /** An ACTIVE offer of the seller, approved with this commission. */
  public static String activeOffer(Person seller, String price, String window, String commission) {
    Api.Reply offer =
        seller
            .api()
            .post(
                "/api/v1/me/offers",
                "{\"title\":\"Offer "
                    + Api.unique("o")
                    + "\",\"description\":\"A thing\",\"price\":\""
                    + price
                    + "\",\"paymentWindow\":\""
                    + window
                    + "\"}");
    assertEquals(201, offer.status(), offer.body());
    String id = offer.json().getString("id");
    Api.Reply approved =
        Api.admin()
            .post(
                "/api/v1/admin/offers/" + id + "/approve",
                "{\"commissionPercent\":\"" + commission + "\"}");
    assertEquals(200, approved.status(), approved.body());
    return id;
  }

  public static BigDecimal balance(String accountNumber) {
    Api.Reply account = Api.operator().get("/bank/api/v1/backoffice/accounts/" + accountNumber);
    assertEquals(200, account.status(), account.body());
    return new BigDecimal(account.json().getString("balance"));
  }

  public static BigDecimal held(String accountNumber) {
    return new BigDecimal(
        Api.operator()
            .get("/bank/api/v1/backoffice/accounts/" + accountNumber)
            .json()
            .getString("held"));
  }

  /** The code the bank mailed to this address for this reference (the payment's key). */
  public static String codeFor(GreenMailExtension mail, String email, String reference) {
    Pattern code = Pattern.compile("Code: (\\d{6})");
    try {
      return Waiting.upTo(PATIENCE, Duration.ofMillis(100))
          .until(
              () -> {
                for (MimeMessage message : mail.getReceivedMessages()) {
                  String text = message.getContent().toString();
                  if (recipient(message).equalsIgnoreCase(email)
                      && text.contains("(reference " + reference + ")")) {
                    Matcher found = code.matcher(text);
                    if (found.find()) {
                      return found.group(1);
                    }
                  }
                }
                return null;
              },
              found -> found != null);
    } catch (ConditionTimeoutException timedOut) {
      // told below, with what was mailed
    }
    StringBuilder seen = new StringBuilder();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        if (recipient(message).equalsIgnoreCase(email)) {
          seen.append("\n---\n").append(message.getContent());
        }
      } catch (Exception e) {
        seen.append("\n(unreadable) ").append(e);
      }
    }
    return fail("No code mailed to " + email + " for " + reference + "; mails to it:" + seen);
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      return "";
    }
  }

  /**
   * The deal as the admin's list shows it, once the condition holds on it (fails after PATIENCE).
   */
  public static JsonObject awaitAdminDeal(String deal, Predicate<JsonObject> condition) {
    JsonObject last =
        Waiting.lastRead(PATIENCE, Duration.ofMillis(200), () -> adminDeal(deal), condition);
    if (last == null || !condition.test(last)) {
      fail("deal " + deal + " never became as expected: " + last);
    }
    return last;
  }

  private static JsonObject adminDeal(String deal) {
    Api.Reply all = Api.admin().get("/api/v1/admin/deals?max=500");
    assertEquals(200, all.status(), all.body());
    return Json.createReader(new StringReader(all.body())).readArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(d -> d.getJsonObject("deal").getString("id").equals(deal))
        .findFirst()
        .orElse(null);
  }

  /** Polls until the condition holds on GET path, or fails after the timeout. */
  public static JsonObject await(
      Api api, String path, Predicate<JsonObject> condition, Duration timeout) {
    AtomicReference<JsonObject> last = new AtomicReference<>();
    try {
      return Waiting.upTo(timeout, Duration.ofMillis(50))
          .until(
              () -> {
                Api.Reply reply = api.get(path);
                if (reply.status() == 200) {
                  last.set(reply.json());
                  return reply.json();
                }
                return null;
              },
              json -> json != null && condition.test(json));
    } catch (ConditionTimeoutException e) {
      return fail("Condition not met on " + path + " within " + timeout + "; last: " + last.get());
    }
  }
}

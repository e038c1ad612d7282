package dev.escrow.marketplace.infrastructure.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bank client against a small fake bank. */
class BankClientTest {

  private HttpServer bank;
  private final AtomicReference<String> seenKey = new AtomicReference<>();
  private final AtomicReference<String> seenQuery = new AtomicReference<>();
  private final AtomicReference<String> seenBody = new AtomicReference<>();

  @BeforeEach
  void startFakeBank() throws IOException {
    bank = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bank.createContext(
        "/bank/api/v1/banks",
        exchange -> {
          byte[] body =
              "[{\"code\":\"044\",\"name\":\"Alpha\",\"requisite\":\"044525042\"}]"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    bank.createContext(
        "/bank/api/v1/partner/accounts/",
        exchange -> {
          seenKey.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
          seenQuery.set(exchange.getRequestURI().getQuery());
          String path = exchange.getRequestURI().getPath();
          int status =
              path.endsWith("044AAAAAAAAAA") ? 200 : path.endsWith("044BBBBBBBBBB") ? 500 : 404;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    bank.createContext(
        "/bank/api/v1/partner/authorizations/",
        exchange -> {
          seenBody.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          // The bank's answers to a code (PartnerResource.verify), by authorization id.
          String id = exchange.getRequestURI().getPath().split("/")[6];
          int status;
          String body;
          switch (id) {
            case "right" -> {
              status = 200;
              body = "{\"id\":\"right\",\"status\":\"VERIFIED\"}";
            }
            case "wrong" -> {
              status = 400;
              body =
                  "{\"status\":400,\"detail\":\"The code is wrong\",\"attemptsLeft\":3,"
                      + "\"reason\":\"WRONG_CODE\"}";
            }
            case "fifth" -> {
              status = 400;
              body =
                  "{\"status\":400,\"detail\":\"The code is wrong; no tries are left and the"
                      + " authorization is locked\",\"attemptsLeft\":0,\"reason\":\"WRONG_CODE\"}";
            }
            default -> {
              status = 409;
              body =
                  "{\"status\":409,\"detail\":\"Too many wrong codes: the authorization is"
                      + " locked\",\"attemptsLeft\":0,\"reason\":\"LOCKED\"}";
            }
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    bank.start();
  }

  @AfterEach
  void stopFakeBank() {
    bank.stop(0);
  }

  private BankClient client() {
    return new BankClient(
        "http://127.0.0.1:" + bank.getAddress().getPort() + "/bank/api/v1", "the-key");
  }

  @Test
  void listsTheBanks() {
    assertEquals(List.of(new BankInfo("044", "Alpha", "044525042")), client().banks());
  }

  @Test
  void anAccountIsHeldOn200AndNotHeldOn404() {
    assertTrue(client().holdsAccount("044AAAAAAAAAA", "044525042"));
    assertEquals("the-key", seenKey.get());
    assertEquals("bankRequisite=044525042", seenQuery.get());
    assertFalse(client().holdsAccount("044CCCCCCCCCC", "044525042"));
  }

  @Test
  void aFailingBankIsUnavailable() {
    assertThrows(
        BankUnavailableException.class, () -> client().holdsAccount("044BBBBBBBBBB", "044525042"));
  }

  @Test
  void aCodeCheckTellsAcceptedWrongWithTheTriesLeftOrRefusedOnceLocked() {
    assertEquals(new BankClient.CodeCheck(true, 0, null), client().verifyCode("right", "123456"));
    assertEquals("{\"code\":\"123456\"}", seenBody.get());
    assertEquals(new BankClient.CodeCheck(false, 3, null), client().verifyCode("wrong", "000000"));
    assertEquals(
        new BankClient.CodeCheck(false, 0, null),
        client().verifyCode("fifth", "000000"),
        "the fifth wrong code is still a wrong code, with no tries left");
    assertEquals(
        new BankClient.CodeCheck(false, 0, "Too many wrong codes: the authorization is locked"),
        client().verifyCode("locked", "123456"));
  }

  @Test
  void anUnreachableBankIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    BankClient nowhere = new BankClient("http://127.0.0.1:" + closedPort + "/bank/api/v1", "k");
    assertThrows(BankUnavailableException.class, nowhere::banks);
    assertThrows(BankUnavailableException.class, () -> nowhere.holdsAccount("044AAAAAAAAAA", "1"));
  }
}

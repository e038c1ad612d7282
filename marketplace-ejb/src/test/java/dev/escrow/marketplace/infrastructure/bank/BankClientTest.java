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

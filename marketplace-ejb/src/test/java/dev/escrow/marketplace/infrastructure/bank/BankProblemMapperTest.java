package dev.escrow.marketplace.infrastructure.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.marketplace.application.bank.BankUnavailableException;
import org.junit.jupiter.api.Test;

/** The bank's error answers, as the port's two words: wait (unavailable) or no (refused). */
class BankProblemMapperTest {

  @Test
  void serverErrorsTimeoutsAndThrottlingAreUnavailable() {
    for (int status : new int[] {500, 502, 503, 504, 408, 429}) {
      assertInstanceOf(
          BankUnavailableException.class,
          BankProblemMapper.of(status, "{\"detail\":\"busy\"}"),
          String.valueOf(status));
    }
  }

  @Test
  void aRefusedApiKeyIsASetUpProblemToWaitFor() {
    RuntimeException e = BankProblemMapper.of(401, "");
    assertInstanceOf(BankUnavailableException.class, e);
    assertEquals(
        "The bank refused the marketplace's API key; check MARKETPLACE_BANK_API_KEY",
        e.getMessage());
  }

  @Test
  void aClientErrorIsTheBanksRefusalWithItsDetailAndProblem() {
    RuntimeException e =
        BankProblemMapper.of(
            409,
            "{\"status\":409,\"detail\":\"The operation was reversed; it cannot be settled\"}");
    BankProblem problem = assertInstanceOf(BankProblem.class, e);
    assertEquals(409, problem.status());
    assertEquals("The operation was reversed; it cannot be settled", problem.getMessage());

    BankProblem wrongCode =
        assertInstanceOf(
            BankProblem.class, BankProblemMapper.of(400, "{\"detail\":\"x\",\"attemptsLeft\":3}"));
    assertEquals(3, wrongCode.problem().getInt("attemptsLeft"));
  }

  @Test
  void anUnreadableBodyStillGivesAReason() {
    BankProblem problem =
        assertInstanceOf(BankProblem.class, BankProblemMapper.of(404, "<html>not json</html>"));
    assertEquals("The bank refused the request (404)", problem.getMessage());
  }

  @Test
  void onlyAConnectionClosedWhileIdleIsSentAgain() {
    assertTrue(
        RestBankGateway.closedWhileIdle(
            new jakarta.ws.rs.ProcessingException(
                new java.net.SocketException("Connection reset"))));
    assertFalse(
        RestBankGateway.closedWhileIdle(
            new jakarta.ws.rs.ProcessingException(new java.net.ConnectException("refused"))));
    assertFalse(
        RestBankGateway.closedWhileIdle(
            new jakarta.ws.rs.ProcessingException(new java.net.SocketTimeoutException("slow"))));
  }
}

package dev.escrow.bank.interfaces.rest;

import dev.escrow.bank.application.CodeRefusedException;
import dev.escrow.bank.domain.authorization.Verification;
import dev.escrow.platform.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A code not accepted, answered alike by the verification and by a transfer that brought its code:
 * 400 with {@code attemptsLeft} and {@code reason: WRONG_CODE}, or 409 with the reason ({@code
 * EXPIRED}, {@code LOCKED}, {@code ALREADY_USED}).
 */
@Provider
public class CodeRefusals implements ExceptionMapper<CodeRefusedException> {

  @Override
  public Response toResponse(CodeRefusedException refused) {
    return problem(refused.verification());
  }

  static Response problem(Verification verification) {
    int attemptsLeft = verification.attemptsLeft();
    return switch (verification.outcome()) {
      case WRONG_CODE ->
          Problem.of(
                  Response.Status.BAD_REQUEST,
                  attemptsLeft > 0
                      ? "The code is wrong"
                      : "The code is wrong; no tries are left and the authorization is locked")
              .withErrors(List.of(new Problem.FieldError("code", "is wrong")))
              .with(extra(attemptsLeft, "WRONG_CODE"))
              .toResponse();
      case EXPIRED -> conflict("The code has expired; ask for a new one", "EXPIRED", attemptsLeft);
      case LOCKED -> conflict("Too many wrong codes: the authorization is locked", "LOCKED", 0);
      case ALREADY_USED ->
          conflict("The authorization was verified already", "ALREADY_USED", attemptsLeft);
      case VERIFIED -> throw new IllegalArgumentException("A verified code is no refusal");
    };
  }

  private static Response conflict(String detail, String reason, int attemptsLeft) {
    return Problem.of(Response.Status.CONFLICT, detail)
        .with(extra(attemptsLeft, reason))
        .toResponse();
  }

  private static Map<String, Object> extra(int attemptsLeft, String reason) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("attemptsLeft", attemptsLeft);
    extra.put("reason", reason);
    return extra;
  }
}

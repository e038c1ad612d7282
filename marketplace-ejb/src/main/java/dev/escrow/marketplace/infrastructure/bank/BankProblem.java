package dev.escrow.marketplace.infrastructure.bank;

import dev.escrow.marketplace.application.bank.BankRefusedException;
import jakarta.json.JsonObject;

/**
 * The bank answered a 4xx that says no to this request (400, 403, 404, 409, 422...), with its
 * problem+json: a refusal, which {@link RestBankGateway} may read further for one call (a wrong
 * code's tries left, an unknown account, a settlement that can only wait).
 */
class BankProblem extends BankRefusedException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonObject problem;

  BankProblem(int status, String detail, JsonObject problem) {
    super(detail);
    this.status = status;
    this.problem = problem;
  }

  int status() {
    return status;
  }

  /** The bank's problem+json (empty when it sent none). */
  JsonObject problem() {
    return problem;
  }
}

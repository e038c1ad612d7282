package dev.escrow.bank.application;

import dev.escrow.bank.domain.authorization.Verification;
import jakarta.ejb.ApplicationException;

/**
 * A transfer that brought its payer's code was refused for the code: wrong (a try is spent), or the
 * authorization expired, locked or used. Thrown before anything is written; the transaction still
 * commits, since the spent try must stay spent.
 */
@ApplicationException(rollback = false)
public class CodeRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient Verification verification;

  public CodeRefusedException(Verification verification) {
    super("The code was not accepted: " + verification.outcome());
    this.verification = verification;
  }

  public Verification verification() {
    return verification;
  }
}

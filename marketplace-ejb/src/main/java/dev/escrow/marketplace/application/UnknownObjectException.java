package dev.escrow.marketplace.application;

import dev.escrow.platform.problem.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No such object, or one the caller may not see (never revealing which): answered as 404. */
@ApplicationException(rollback = true)
public class UnknownObjectException extends NotFoundException {

  private static final long serialVersionUID = 1L;

  public UnknownObjectException(String what) {
    super(what + " not found");
  }
}

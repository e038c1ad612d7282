package dev.escrow.bank.application;

import jakarta.ejb.ApplicationException;

/**
 * A batch's writes collided with another transaction's at flush (two first transfers of one group,
 * one key sent twice at once): nothing of the batch is kept, and its items are taken one by one,
 * where each collision has its own answer. An application exception, so that the container rolls
 * back without logging a failure that is part of the design.
 */
@ApplicationException(rollback = true)
public class BatchConflict extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BatchConflict(Throwable collision) {
    super("The batch collided with another transaction", collision);
  }
}

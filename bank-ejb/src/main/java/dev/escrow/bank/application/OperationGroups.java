package dev.escrow.bank.application;

import dev.escrow.bank.domain.partner.ApiClientRepository;
import dev.escrow.bank.domain.transfer.Operation;
import dev.escrow.bank.domain.transfer.TransferRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Creates the operation of a group reference in its own transaction: when two first transfers of
 * one group race, one insert wins and the other fails on the unique constraint (partner, group
 * reference); the caller then reads the winner's operation.
 */
@Stateless
public class OperationGroups {

  @Inject TransferRepository transfers;
  @Inject ApiClientRepository clients;
  @Inject Clock clock;

  @PersistenceContext(unitName = "bank")
  EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long open(long partnerId, String groupReference) {
    Operation operation = new Operation(clients.byId(partnerId), groupReference, clock.instant());
    transfers.add(operation);
    em.flush();
    return operation.id();
  }
}

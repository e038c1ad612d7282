package dev.escrow.bank.domain.transfer;

import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.ledger.Direction;
import dev.escrow.bank.domain.ledger.EntryKind;
import dev.escrow.bank.domain.ledger.Posting;
import dev.escrow.bank.domain.partner.ApiClient;
import dev.escrow.platform.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The transfers of one deal, named by the partner's group reference and known outside by its key.
 * While OPEN its money is held by the payees; it ends SETTLED (paid out, less commission) or
 * REVERSED (every completed transfer returned, fee included). Neither may happen while a transfer
 * is still queued, and once one happened the other is refused.
 */
@Entity
@Table(name = "operation")
public class Operation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "operation_key", nullable = false, unique = true, length = 36)
  private String key;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "api_client_id")
  private ApiClient client;

  @Column(name = "group_reference", nullable = false, length = 100)
  private String groupReference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OperationStatus status;

  @Column(name = "commission_amount", precision = 19, scale = 2)
  private Money commissionAmount;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "commission_account_id")
  private Account commissionAccount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected Operation() {}

  public Operation(ApiClient client, String groupReference, Instant now) {
    if (groupReference == null || groupReference.isBlank()) {
      throw new IllegalArgumentException("An operation has a group reference");
    }
    this.key = UUID.randomUUID().toString();
    this.client = Objects.requireNonNull(client);
    this.groupReference = groupReference;
    this.status = OperationStatus.OPEN;
    this.createdAt = now;
  }

  public void requireOpen() {
    if (status != OperationStatus.OPEN) {
      throw new OperationConflictException("The operation is already " + status);
    }
  }

  /** May it be settled now? False when it already is (a repeat); refused when it cannot be. */
  public boolean needsSettlement(Collection<Transfer> transfers) {
    if (status == OperationStatus.SETTLED) {
      return false;
    }
    if (status == OperationStatus.REVERSED) {
      throw new OperationConflictException("The operation was reversed; it cannot be settled");
    }
    requireNoneQueued(transfers);
    return true;
  }

  /** May it be reversed now? False when it already is (a repeat); refused when it cannot be. */
  public boolean needsReversal(Collection<Transfer> transfers) {
    if (status == OperationStatus.REVERSED) {
      return false;
    }
    if (status == OperationStatus.SETTLED) {
      throw new OperationConflictException("The operation was settled; it cannot be reversed");
    }
    requireNoneQueued(transfers);
    return true;
  }

  private static void requireNoneQueued(Collection<Transfer> transfers) {
    if (transfers.stream().anyMatch(t -> t.status() == TransferStatus.ACCEPTED)) {
      throw new OperationConflictException("A transfer of the operation is still being processed");
    }
  }

  /** The money held for this operation: what its completed transfers brought to the payees. */
  public Money held(Collection<Transfer> transfers) {
    if (status != OperationStatus.OPEN) {
      return Money.ZERO;
    }
    return transfers.stream()
        .filter(t -> t.status() == TransferStatus.COMPLETED)
        .map(Transfer::amount)
        .reduce(Money.ZERO, Money::plus);
  }

  /**
   * Settles on the locked accounts: the posting in which each payee's money held for this operation
   * leaves the hold and becomes its balance, less the commission (taken from the payees in transfer
   * order), which the commission account receives. Nothing to post when nothing is held (every
   * transfer failed).
   */
  public Optional<Posting> settle(
      List<Transfer> transfers,
      Map<Long, Account> lockedAccounts,
      Money commission,
      Account commissionAccount,
      Instant now) {
    requireOpen();
    Money held = held(transfers);
    if (commission.isNegative() || commission.isGreaterThan(held)) {
      throw new OperationConflictException(
          "The commission " + commission + " is more than the money held, " + held);
    }
    if (commission.isPositive() && commissionAccount == null) {
      throw new IllegalArgumentException("A commission needs a commission account");
    }
    Map<Long, Money> heldByPayee = new LinkedHashMap<>();
    for (Transfer t : transfers) {
      if (t.status() == TransferStatus.COMPLETED) {
        heldByPayee.merge(t.payee().id(), t.amount(), Money::plus);
      }
    }
    Posting.Builder posting = Posting.of(null, id, now);
    Money commissionLeft = commission;
    for (Map.Entry<Long, Money> entry : heldByPayee.entrySet()) {
      Account payee = lockedAccounts.get(entry.getKey());
      Money amount = entry.getValue();
      posting.held(EntryKind.SETTLEMENT, payee, Direction.DEBIT, amount);
      Money taken = commissionLeft.min(amount);
      commissionLeft = commissionLeft.minus(taken);
      Money paid = amount.minus(taken);
      if (paid.isPositive()) {
        posting.balance(EntryKind.SETTLEMENT, payee, Direction.CREDIT, paid);
      }
    }
    if (commission.isPositive()) {
      Account to = lockedAccounts.get(commissionAccount.id());
      posting.balance(EntryKind.COMMISSION, to, Direction.CREDIT, commission);
    }
    this.status = OperationStatus.SETTLED;
    this.commissionAmount = commission;
    this.commissionAccount = commissionAccount;
    this.closedAt = now;
    return held.isZero() ? Optional.empty() : Optional.of(posting.build());
  }

  /** Marks the operation reversed, once each completed transfer has been reversed. */
  public void reverse(List<Transfer> transfers, Instant now) {
    requireOpen();
    if (transfers.stream().anyMatch(t -> t.status() == TransferStatus.COMPLETED)) {
      throw new IllegalStateException("Reverse every completed transfer first");
    }
    this.status = OperationStatus.REVERSED;
    this.closedAt = now;
  }

  public Long id() {
    return id;
  }

  public String key() {
    return key;
  }

  public ApiClient client() {
    return client;
  }

  public String groupReference() {
    return groupReference;
  }

  public OperationStatus status() {
    return status;
  }

  public Money commissionAmount() {
    return commissionAmount;
  }
}

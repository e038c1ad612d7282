package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.application.UnknownObjectException;
import dev.escrow.marketplace.application.bank.BankGateway;
import dev.escrow.marketplace.application.bank.BankRefusedException;
import dev.escrow.marketplace.application.bank.BankUnavailableException;
import dev.escrow.marketplace.application.bank.Reversal;
import dev.escrow.marketplace.domain.StateConflictException;
import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.deal.DealRepository;
import dev.escrow.marketplace.domain.deal.DealRepository.ReversalDue;
import dev.escrow.marketplace.domain.deal.Payout;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentRepository;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.marketplace.domain.settings.MarketplaceSettings;
import dev.escrow.marketplace.domain.settings.SettingsRepository;
import dev.escrow.platform.money.Money;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Carries out what a closed deal owes: settle the held money to the seller less the commission
 * (which goes to the marketplace's settlement account), or return every payment.
 *
 * <p>No lock is held while the bank is asked. The intent is the deal's payout ({@code SETTLE_DUE},
 * {@code REVERSE_DUE}), committed with the deal's closing; a payout reads it without a lock, asks
 * the bank outside any transaction, then records the answer in a short transaction of its own on
 * the locked deal, where a payout already recorded (by a racing re-drive) is left alone. The bank's
 * settle and reverse are idempotent by the operation key, so a repeat after a crash between the
 * bank's answer and the record is harmless, and the re-drive (the sweep's) finds every intent not
 * yet recorded as done. A refusal for good (the bank will never settle or reverse this operation)
 * is recorded on the deal with the bank's reason, once, and not re-driven: the administrator sees
 * it and may ask again ({@link #retry}).
 *
 * <p>The refund sweep returns expired deals' money in batches ({@link #reverseDue}): the same
 * intent, read for many deals at once, one request to the bank per hundred, and each deal's answer
 * recorded as {@link #recordReversed} or {@link #recordRefused} would, a batch in one short
 * transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Payouts {

  private static final Logger LOG = Logger.getLogger(Payouts.class.getName());

  @Inject DealRepository deals;
  @Inject PaymentRepository payments;
  @Inject SettingsRepository settings;
  @Inject BankGateway bank;
  @Inject Clock clock;
  @Inject Event<MoneyMoved> moneyMoved;
  @Inject PaymentWork queue;
  @Inject Payouts self;

  /** What a closed deal's payout asks of the bank, read from its committed intent. */
  public record Intent(
      long dealId, Payout payout, String operationKey, Money commission, String to) {}

  /**
   * @return whether nothing is left to do for this deal (done, refused for good, or nothing due)
   * @throws dev.escrow.marketplace.application.bank.BankUnavailableException ask again later
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean payOut(long dealId) {
    Optional<Intent> due = self.intent(dealId);
    if (due.isEmpty()) {
      return true;
    }
    Intent intent = due.get();
    if (intent.payout() == Payout.SETTLE_DUE && intent.to() == null) {
      LOG.warning("Deal " + dealId + " is paid but no settlement account is set: its payout waits");
      return false;
    }
    try {
      if (intent.payout() == Payout.SETTLE_DUE) {
        bank.settle(intent.operationKey(), intent.commission(), intent.to());
        self.recordSettled(intent);
      } else {
        bank.reverse(intent.operationKey());
        self.recordReversed(intent);
      }
    } catch (BankRefusedException refused) {
      self.recordRefused(intent, refused.getMessage());
    }
    return true;
  }

  /** The payout still due for this deal and not refused, as it stands committed (no lock). */
  public Optional<Intent> intent(long dealId) {
    Optional<Deal> found = deals.findById(dealId);
    if (found.isEmpty() || found.get().payoutRefusal() != null) {
      return Optional.empty();
    }
    Deal deal = found.get();
    if (deal.payout() == Payout.SETTLE_DUE) {
      MarketplaceSettings own = settings.current();
      return Optional.of(
          new Intent(
              dealId,
              Payout.SETTLE_DUE,
              deal.operationKey(),
              deal.commission(),
              own.hasSettlementAccount() ? own.settlementAccountNumber() : null));
    }
    if (deal.payout() == Payout.REVERSE_DUE) {
      return Optional.of(
          new Intent(dealId, Payout.REVERSE_DUE, deal.operationKey(), Money.ZERO, null));
    }
    return Optional.empty();
  }

  /** What a batch of reversals came to: returned, refused for good, left for the next sweep. */
  public record Reversals(int reversed, int refused, int later) {
    public static final Reversals NONE = new Reversals(0, 0, 0);

    Reversals plus(Reversals other) {
      return new Reversals(reversed + other.reversed, refused + other.refused, later + other.later);
    }
  }

  /**
   * Returns the money of expired deals of one partition, up to {@code max} of them, in batches of
   * {@link BankGateway#REVERSALS_PER_REQUEST}: a batch is asked of the bank outside any
   * transaction, then its answers are recorded. What the bank could not do now stays due and is
   * asked again at the next sweep; when the bank cannot be reached, the rest waits for it too.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Reversals reverseDue(int max, int partition, int partitions) {
    List<ReversalDue> due = self.reversalsDue(max, partition, partitions);
    Reversals done = Reversals.NONE;
    for (int from = 0; from < due.size(); from += BankGateway.REVERSALS_PER_REQUEST) {
      List<ReversalDue> batch =
          due.subList(from, Math.min(due.size(), from + BankGateway.REVERSALS_PER_REQUEST));
      List<Reversal> answers;
      try {
        answers = bank.reverseAll(batch.stream().map(ReversalDue::operationKey).toList());
      } catch (BankUnavailableException away) {
        LOG.warning(
            "The bank cannot reverse now, "
                + (due.size() - from)
                + " expired deals wait for the next sweep: "
                + away.getMessage());
        return done.plus(new Reversals(0, 0, due.size() - from));
      }
      try {
        done = done.plus(self.recordReversals(batch, answers));
      } catch (EJBException notRecorded) {
        // Rolled back: the deals stay due, and the next sweep's repeat is answered the same.
        LOG.log(
            Level.WARNING,
            "A batch of reversals was not recorded; the next sweep asks again",
            notRecorded);
        done = done.plus(new Reversals(0, 0, batch.size()));
      }
    }
    return done;
  }

  /** The expired deals whose money is still to be returned (read committed, no lock). */
  public List<ReversalDue> reversalsDue(int max, int partition, int partitions) {
    return deals.withReversalDue(max, partition, partitions);
  }

  /**
   * Records a batch's answers: each deal as {@link #recordReversed} or {@link #recordRefused}
   * would, the deals locked in id order; an answer "later" leaves its deal due.
   */
  public Reversals recordReversals(List<ReversalDue> batch, List<Reversal> answers) {
    Map<String, Reversal> byKey =
        answers.stream()
            .collect(Collectors.toMap(Reversal::operationKey, Function.identity(), (a, b) -> a));
    int reversed = 0;
    int refused = 0;
    int later = 0;
    for (ReversalDue deal :
        batch.stream().sorted(Comparator.comparingLong(ReversalDue::dealId)).toList()) {
      Reversal answer = byKey.get(deal.operationKey());
      Intent intent =
          new Intent(deal.dealId(), Payout.REVERSE_DUE, deal.operationKey(), Money.ZERO, null);
      switch (answer == null ? Reversal.Result.LATER : answer.result()) {
        case REVERSED -> {
          recordReversed(intent);
          reversed++;
        }
        case REFUSED -> {
          recordRefused(intent, answer.reason());
          refused++;
        }
        case LATER -> {
          LOG.info(
              "The reversal of deal "
                  + deal.dealId()
                  + " waits for the next sweep: "
                  + (answer == null ? "no answer" : answer.reason()));
          later++;
        }
      }
    }
    return new Reversals(reversed, refused, later);
  }

  /** The bank settled: the deal's payout is done (once, whoever records it first). */
  public void recordSettled(Intent intent) {
    Deal deal = deals.findForUpdate(intent.dealId()).orElseThrow();
    if (deal.payout() != Payout.SETTLE_DUE) {
      return;
    }
    deal.payoutDone();
    moneyMoved.fire(
        new MoneyMoved.OperationSettled(
            deal.id(), deal.operationKey(), deal.price(), intent.commission(), intent.to()));
  }

  /** The bank reversed: every succeeded payment of the deal is refunded (once). */
  public void recordReversed(Intent intent) {
    long dealId = intent.dealId();
    Deal deal = deals.findForUpdate(dealId).orElseThrow();
    if (deal.payout() != Payout.REVERSE_DUE) {
      return;
    }
    deal.payoutDone();
    Instant now = clock.instant();
    int returned = 0;
    Money total = Money.ZERO;
    for (Payment payment : payments.withStatus(dealId, PaymentStatus.SUCCEEDED)) {
      payment.refund(now);
      returned++;
      total = total.plus(payment.total());
    }
    moneyMoved.fire(new MoneyMoved.OperationReversed(dealId, deal.operationKey(), returned, total));
  }

  /** The bank refused the payout for good: kept on the deal with its reason, logged once. */
  public void recordRefused(Intent intent, String reason) {
    Deal deal = deals.findForUpdate(intent.dealId()).orElseThrow();
    if (deal.payout() != intent.payout()) {
      return;
    }
    if (deal.payoutRefused(reason, clock.instant())) {
      moneyMoved.fire(
          new MoneyMoved.PayoutRefused(
              deal.id(),
              deal.operationKey(),
              intent.payout() == Payout.SETTLE_DUE ? "settlement" : "reversal",
              deal.payoutRefusal()));
    }
  }

  /**
   * The administrator fixed what made the bank refuse (a settlement account, at the bank): the
   * payout is due again and is carried out at once (by the queue, after this transaction).
   *
   * @throws UnknownObjectException no such deal
   * @throws StateConflictException the deal has no refused payout
   */
  public void retry(long dealId) {
    Deal deal = deals.findForUpdate(dealId).orElseThrow(() -> new UnknownObjectException("Deal"));
    if (!deal.retryPayout()) {
      throw new StateConflictException("The deal's payout was not refused: nothing to retry");
    }
    LOG.info("The payout of deal " + dealId + " is due again (the administrator retried it)");
    queue.payout(dealId);
  }
}

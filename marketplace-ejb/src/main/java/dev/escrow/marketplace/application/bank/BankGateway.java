package dev.escrow.marketplace.application.bank;

import dev.escrow.marketplace.domain.fee.FeeCache;
import dev.escrow.platform.money.Money;
import java.util.List;

/**
 * The marketplace's port to the bank: what the use cases ask a bank, in their own words. The
 * application layer depends on this interface only; infrastructure implements it over the bank's
 * partner API (docs/bank-partner-api.md), as it would for a real bank.
 *
 * <p>Every method either answers, or throws {@link BankUnavailableException} (the bank could not be
 * reached or is busy: try again later, nothing happened that a retry would repeat) or {@link
 * BankRefusedException} (the bank answered no for good: retrying the same request will never
 * succeed; its message is the bank's reason).
 */
public interface BankGateway {

  /** The banks the bank service serves (its public list). */
  List<BankInfo> banks();

  /** Whether the bank with this requisite holds an account with this number. */
  boolean holdsAccount(String number, String requisite);

  /** Has the bank mail the payer a code for exactly this payment (amount, payee). */
  Authorization requestPaymentCode(
      String payerAccount, Money amount, String payeeAccount, String reference);

  /** Has the bank mail the holder a code that allows one look at this account's balance. */
  Authorization requestBalanceCode(String accountNumber);

  /** The bank's word on a code: accepted, wrong (with tries left), or refused for good. */
  CodeCheck verifyCode(String authorizationId, String code);

  /**
   * Hands the bank a transfer. Idempotent by {@code order.idempotencyKey()}: the same key again
   * answers the first transfer.
   *
   * @throws BankRefusedException the transfer will never be carried out (fee changed, code used)
   */
  TransferAccepted submitTransfer(TransferOrder order);

  /**
   * Hands the bank a transfer with the payer's code, which the bank checks and uses for it in one
   * step. Idempotent as {@link #submitTransfer}: the same key again answers the first transfer.
   *
   * @return the transfer accepted, or the code's refusal (wrong, with tries left; expired, locked)
   * @throws BankRefusedException the transfer will never be carried out (fee changed, code used)
   */
  CodeAndTransfer submitTransferWithCode(TransferOrder order, String code);

  /** Where a transfer stands at the bank. */
  TransferOutcome transfer(String transferId);

  /**
   * Pays the held money of an operation to its payees, less the commission to the given account. A
   * repeat answers the same.
   *
   * @throws BankUnavailableException also while a transfer of the operation is still being carried
   *     out (settle again later)
   * @throws BankRefusedException the operation can never be settled (it was reversed, the
   *     commission account does not exist...)
   */
  OperationClosed settle(String operationKey, Money commission, String commissionAccount);

  /**
   * Returns every transfer of an operation to its payer, fee included. A repeat answers the same.
   *
   * @throws BankUnavailableException also while a transfer of the operation is still being carried
   *     out
   * @throws BankRefusedException the operation can never be reversed (it was settled)
   */
  OperationClosed reverse(String operationKey);

  /**
   * Returns every transfer of each of these operations to its payer, fee included, as {@link
   * #reverse} would one by one, in one request per {@link #REVERSALS_PER_REQUEST} operations. Each
   * operation has its own answer, in the order given: one the bank refuses or cannot reverse yet
   * spoils no other. A repeat answers the same.
   *
   * @param operationKeys distinct keys
   * @throws BankUnavailableException a request could not be carried out: nothing is known of its
   *     operations (some may be reversed; asking again is harmless)
   */
  List<Reversal> reverseAll(List<String> operationKeys);

  /** Operations the bank reverses at most in one request (docs/bank-partner-api.md, "Batches"). */
  int REVERSALS_PER_REQUEST = 100;

  /** The bank's inter-bank fee schedule. */
  List<FeeCache.Rate> fees();

  /**
   * The balance, once, after the BALANCE authorization was verified.
   *
   * @throws BankRefusedException the bank does not show this balance now
   */
  Balance balance(String accountNumber, String authorizationId);
}

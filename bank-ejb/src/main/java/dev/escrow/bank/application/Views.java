package dev.escrow.bank.application;

import dev.escrow.bank.domain.account.Account;
import dev.escrow.bank.domain.authorization.Authorization;
import dev.escrow.bank.domain.customer.Customer;
import dev.escrow.bank.domain.fee.FeeRate;
import dev.escrow.bank.domain.transfer.Operation;
import dev.escrow.bank.domain.transfer.Transfer;
import dev.escrow.platform.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * What the services hand out: plain records built inside the transaction (no lazy entity leaves
 * it), with amounts as "1500.00" strings, ready for JSON.
 */
public final class Views {

  private Views() {}

  static String money(Money money) {
    return money == null ? null : money.toString();
  }

  static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  public record CustomerView(String id, String fullName, String email, String phone) {
    static CustomerView of(Customer c) {
      return new CustomerView(String.valueOf(c.id()), c.fullName(), c.email(), c.phone());
    }
  }

  public record AccountView(
      String number, String bankRequisite, String balance, String held, String holder) {
    static AccountView of(Account a) {
      return new AccountView(
          a.number(),
          a.bank().requisite(),
          money(a.balance()),
          money(a.held()),
          a.customer().fullName());
    }
  }

  public record FeeRateView(String fromBank, String toBank, String percent) {
    static FeeRateView of(FeeRate r) {
      return new FeeRateView(
          r.fromBank().requisite(), r.toBank().requisite(), r.percent().toString());
    }
  }

  /**
   * The audit: the equation's figures, {@code consistent} (the equation holds and every bucket
   * agrees with its rows), and the buckets that disagree (counted, the first 100 named).
   */
  public record AuditView(
      String deposits,
      String balances,
      String held,
      String fees,
      boolean consistent,
      boolean equationHolds,
      int accountsDisagreeing,
      List<AccountDisagreementView> accounts,
      int feeIncomeDisagreeing,
      List<FeeIncomeDisagreementView> feeIncome,
      String auditedAt) {}

  /** An account whose balance or held is not the sum of its ledger rows (expected = ledger). */
  public record AccountDisagreementView(
      String number, String balance, String ledgerBalance, String held, String ledgerHeld) {}

  /** A part of a bank's fee income that is not the sum of its ledger rows. */
  public record FeeIncomeDisagreementView(
      String bankRequisite, int part, String amount, String ledgerAmount) {}

  public record AuthorizationView(
      String id,
      String purpose,
      String sentTo,
      String expiresAt,
      int attemptsLeft,
      String amount,
      String fee,
      String total,
      String status) {
    static AuthorizationView of(Authorization a) {
      return new AuthorizationView(
          a.publicId(),
          a.purpose().name(),
          maskEmail(a.account().customer().email()),
          time(a.expiresAt()),
          a.attemptsLeft(),
          money(a.amount()),
          money(a.fee()),
          money(a.total()),
          a.status().name());
    }
  }

  /** "i***@example.com": enough for the holder to recognise, not enough to harvest. */
  public static String maskEmail(String email) {
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }

  public record TransferView(
      String id,
      String status,
      String failureReason,
      String amount,
      String fee,
      String total,
      String operationKey,
      String acceptedAt,
      String completedAt) {
    static TransferView of(Transfer t) {
      return new TransferView(
          t.publicId(),
          t.status().name(),
          t.failureReason(),
          money(t.amount()),
          money(t.fee()),
          money(t.total()),
          t.operation().key(),
          time(t.acceptedAt()),
          time(t.completedAt()));
    }
  }

  public record OperationView(
      String key,
      String status,
      String held,
      String commissionAmount,
      List<TransferView> transfers) {
    static OperationView of(Operation o, List<Transfer> transfers) {
      return new OperationView(
          o.key(),
          o.status().name(),
          money(o.held(transfers)),
          money(o.commissionAmount()),
          transfers.stream().map(TransferView::of).toList());
    }
  }

  public record BalanceView(String number, String balance, String held) {}

  public record OutboxMessageView(
      String to, String subject, String text, String code, String sentAt) {}
}

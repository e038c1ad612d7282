package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.history.StatusChange;
import dev.escrow.marketplace.domain.payment.Payment;
import dev.escrow.marketplace.domain.payment.PaymentStatus;
import dev.escrow.marketplace.domain.user.User;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/** Deals and payments as the API shows them: never with the commission, to anybody but admins. */
public final class DealJson {

  private DealJson() {}

  public record PartyJson(String id, String fullName) {
    static PartyJson of(User user) {
      return new PartyJson(String.valueOf(user.id()), user.fullName());
    }
  }

  public record StatusJson(String code, String name) {}

  public record ConfirmationJson(String sentTo, String expiresAt) {}

  @JsonbPropertyOrder({
    "id",
    "dealId",
    "payerId",
    "accountId",
    "amount",
    "fee",
    "total",
    "status",
    "paidAt",
    "failureReason",
    "confirmation"
  })
  public record PaymentJson(
      String id,
      String dealId,
      String payerId,
      String accountId,
      String amount,
      String fee,
      String total,
      String status,
      String paidAt,
      String failureReason,
      ConfirmationJson confirmation) {
    static PaymentJson of(Payment p) {
      ConfirmationJson confirmation =
          p.status() == PaymentStatus.AWAITING_CONFIRMATION && p.confirmationSentTo() != null
              ? new ConfirmationJson(
                  p.confirmationSentTo(), String.valueOf(p.confirmationExpiresAt()))
              : null;
      return new PaymentJson(
          String.valueOf(p.id()),
          String.valueOf(p.deal().id()),
          String.valueOf(p.payer().id()),
          String.valueOf(p.account().id()),
          p.amount().toString(),
          p.fee().toString(),
          p.total().toString(),
          p.status().name(),
          p.paidAt() == null ? null : p.paidAt().toString(),
          p.failureReason(),
          confirmation);
    }
  }

  @JsonbPropertyOrder({
    "id",
    "offerId",
    "buyer",
    "seller",
    "price",
    "paidAmount",
    "remainingAmount",
    "createdAt",
    "dueAt",
    "status",
    "stage",
    "payments",
    "history"
  })
  public record DealView(
      String id,
      String offerId,
      PartyJson buyer,
      PartyJson seller,
      String price,
      String paidAmount,
      String remainingAmount,
      String createdAt,
      String dueAt,
      StatusJson status,
      StatusJson stage,
      List<PaymentJson> payments,
      List<ChangeJson> history) {
    static DealView of(
        Deal d,
        Map<String, String> statusNames,
        List<Payment> payments,
        List<StatusChange> history) {
      String code = d.status().name();
      String stage = d.stage();
      return new DealView(
          String.valueOf(d.id()),
          String.valueOf(d.offer().id()),
          PartyJson.of(d.buyer()),
          PartyJson.of(d.seller()),
          d.price().toString(),
          d.paidAmount().toString(),
          d.remaining().toString(),
          d.createdAt().toString(),
          d.dueAt().toString(),
          new StatusJson(code, statusNames.getOrDefault(code, code)),
          stage == null ? null : new StatusJson(stage, statusNames.getOrDefault(stage, stage)),
          payments.stream().map(PaymentJson::of).toList(),
          history.stream().map(ChangeJson::of).toList());
    }
  }

  public record ChangeJson(String from, String to, String at, String reason, String by) {
    static ChangeJson of(StatusChange c) {
      return new ChangeJson(
          c.fromStatus(), c.toStatus(), c.changedAt().toString(), c.reason(), c.actor());
    }
  }

  /**
   * A deal as the administrator sees it: with the commission and its status history (also in {@code
   * deal.history}, kept here for the clients of the first version), and the bank's reason when it
   * refused the payout for good ({@code payoutRefusal}, {@code payoutRefusedAt}; absent otherwise).
   */
  public record AdminDealView(
      DealView deal,
      String commissionPercent,
      String commission,
      String payout,
      String operationKey,
      List<ChangeJson> history,
      String payoutRefusal,
      String payoutRefusedAt) {}

  public record QuoteJson(String amount, String feePercent, String fee, String total) {}
}

package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.OfferDraft;
import dev.escrow.marketplace.domain.dealstatus.DealStatus;
import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.offer.PaymentWindow;
import dev.escrow.platform.money.Amount;
import dev.escrow.platform.money.Money;
import dev.escrow.platform.money.Percent;
import dev.escrow.platform.money.PercentText;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request bodies, validated once where they come in ({@code @Valid} on the resource's parameter):
 * every field that is wrong is named in one 400. JSON-B reads amounts and ids as text whether they
 * come as a JSON string or number; the constraints say whether the text is one.
 */
public final class Requests {

  private Requests() {}

  static final String REQUIRED = "is required";
  static final String AT_MOST = "must be at most {max} characters";

  public record OfferRequest(
      @NotBlank @Size(max = Offer.TITLE_MAX, message = AT_MOST) String title,
      @NotBlank @Size(max = Offer.DESCRIPTION_MAX, message = AT_MOST) String description,
      @NotNull(message = REQUIRED) @Amount String price,
      @NotNull(message = REQUIRED) @PaymentWindowText String paymentWindow) {

    OfferDraft draft() {
      return new OfferDraft(
          title, description, Money.of(price), PaymentWindow.parse(paymentWindow));
    }
  }

  public record VisibilityRequest(
      @NotNull(message = REQUIRED) @JsonbTypeDeserializer(StrictBoolean.class) Boolean published) {}

  public record CommissionRequest(
      @NotNull(message = REQUIRED) @PercentText String defaultCommissionPercent,
      @JsonbTypeDeserializer(StrictBoolean.class) Boolean applyToAllOffers) {

    Percent percent() {
      return Percent.of(defaultCommissionPercent);
    }
  }

  /** Optional: without a percent the offer keeps the commission it carries. */
  public record ApproveRequest(@PercentText String commissionPercent) {

    static final ApproveRequest NONE = new ApproveRequest(null);

    Percent percent() {
      return commissionPercent == null ? null : Percent.of(commissionPercent);
    }
  }

  public record RejectRequest(
      @NotBlank @Size(max = Offer.REASON_MAX, message = AT_MOST) String reason) {}

  public record DealStatusRequest(
      @NotBlank @Size(max = DealStatus.NAME_MAX, message = AT_MOST) String name) {}

  /** The status (its code) the administrator gives a deal. */
  public record DealMoveRequest(@NotBlank @Size(max = 64, message = AT_MOST) String code) {}

  /** The code the bank mailed. */
  public record CodeRequest(@NotBlank @Size(max = 32, message = AT_MOST) String code) {}

  public record BalanceRequest(
      @NotBlank @Size(max = 64, message = AT_MOST) String authorizationId,
      @NotBlank @Size(max = 32, message = AT_MOST) String code) {}

  public record PaymentRequest(
      @NotNull(message = REQUIRED) String accountId,
      @NotNull(message = REQUIRED) @Amount String amount) {

    Money money() {
      return Money.of(amount);
    }
  }
}

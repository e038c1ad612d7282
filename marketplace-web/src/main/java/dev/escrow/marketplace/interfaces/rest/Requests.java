package dev.escrow.marketplace.interfaces.rest;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;

/** Request bodies. Amounts and ids are read as text (string or number) and checked by field. */
public final class Requests {

  private Requests() {}

  public record AccountRequest(
      @JsonbTypeDeserializer(LenientText.class) String number,
      @JsonbTypeDeserializer(LenientText.class) String bankId) {}

  public record OfferRequest(
      String title,
      String description,
      @JsonbTypeDeserializer(LenientText.class) String price,
      String paymentWindow) {}

  public record VisibilityRequest(@JsonbTypeDeserializer(StrictBoolean.class) Boolean published) {}

  public record CommissionRequest(
      @JsonbTypeDeserializer(LenientText.class) String defaultCommissionPercent,
      @JsonbTypeDeserializer(StrictBoolean.class) Boolean applyToAllOffers) {}

  public record ApproveRequest(
      @JsonbTypeDeserializer(LenientText.class) String commissionPercent) {}

  public record RejectRequest(String reason) {}

  public record DealStatusRequest(String name) {}

  /** The status (its code) the administrator gives a deal. */
  public record DealMoveRequest(String code) {}
}

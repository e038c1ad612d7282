package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.application.CommissionChange;
import dev.escrow.marketplace.domain.account.ClientAccount;
import dev.escrow.marketplace.domain.bank.Bank;
import dev.escrow.marketplace.domain.dealstatus.DealStatus;
import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.marketplace.domain.settings.MarketplaceSettings;
import dev.escrow.marketplace.domain.user.User;
import dev.escrow.platform.json.Jsonp;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** What the API shows: plain records with string ids, money and percents as strings. */
public final class ApiJson {

  private ApiJson() {}

  public record BankJson(String id, String name, String requisite) {
    static BankJson of(Bank bank) {
      return new BankJson(String.valueOf(bank.id()), bank.name(), bank.requisite());
    }
  }

  public record AccountJson(String id, String number, BankJson bank) {
    static AccountJson of(ClientAccount account) {
      return new AccountJson(
          String.valueOf(account.id()), account.number(), BankJson.of(account.bank()));
    }
  }

  public record SellerJson(String id, String fullName) {
    static SellerJson of(User user) {
      return new SellerJson(String.valueOf(user.id()), user.fullName());
    }
  }

  /** An offer as clients see it: never with the marketplace's commission. */
  @JsonbPropertyOrder({
    "id",
    "title",
    "description",
    "price",
    "paymentWindow",
    "status",
    "published",
    "rejectionReason",
    "seller"
  })
  public record OfferJson(
      String id,
      String title,
      String description,
      String price,
      String paymentWindow,
      String status,
      boolean published,
      String rejectionReason,
      SellerJson seller) {
    static OfferJson of(Offer offer) {
      return new OfferJson(
          String.valueOf(offer.id()),
          offer.title(),
          offer.description(),
          offer.price().toString(),
          offer.paymentWindow().toString(),
          offer.status().name(),
          offer.published(),
          offer.rejectionReason(),
          SellerJson.of(offer.seller()));
    }
  }

  /** An offer as the administrator sees it: with its commission percent. */
  @JsonbPropertyOrder({
    "id",
    "title",
    "description",
    "price",
    "paymentWindow",
    "status",
    "published",
    "rejectionReason",
    "seller",
    "commissionPercent"
  })
  public record AdminOfferJson(
      String id,
      String title,
      String description,
      String price,
      String paymentWindow,
      String status,
      boolean published,
      String rejectionReason,
      SellerJson seller,
      String commissionPercent) {
    static AdminOfferJson of(Offer offer) {
      OfferJson o = OfferJson.of(offer);
      return new AdminOfferJson(
          o.id(),
          o.title(),
          o.description(),
          o.price(),
          o.paymentWindow(),
          o.status(),
          o.published(),
          o.rejectionReason(),
          o.seller(),
          offer.commissionPercent().toString());
    }
  }

  public record DealStatusJson(String id, String code, String name, boolean system) {
    static DealStatusJson of(DealStatus status) {
      return new DealStatusJson(
          String.valueOf(status.id()), status.code(), status.name(), status.system());
    }
  }

  public record SettlementAccountJson(String number, BankJson bank) {}

  /** The settings; settlementAccount is null (not left out) while none is set. */
  static jakarta.json.JsonObject settings(MarketplaceSettings settings) {
    var json =
        Jsonp.object()
            .add("defaultCommissionPercent", settings.defaultCommissionPercent().toString());
    if (settings.hasSettlementAccount()) {
      Bank bank = settings.settlementBank();
      json.add(
          "settlementAccount",
          Jsonp.object()
              .add("number", settings.settlementAccountNumber())
              .add(
                  "bank",
                  Jsonp.object()
                      .add("id", String.valueOf(bank.id()))
                      .add("name", bank.name())
                      .add("requisite", bank.requisite())));
    } else {
      json.addNull("settlementAccount");
    }
    return json.build();
  }

  public record CommissionJson(String defaultCommissionPercent, int offersUpdated) {
    static CommissionJson of(CommissionChange change) {
      return new CommissionJson(
          change.defaultCommissionPercent().toString(), change.offersUpdated());
    }
  }
}

package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.offer.Offer;
import dev.escrow.platform.money.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/** What a seller writes about an offer (new or edited). */
public record OfferDraft(
    @NotBlank @Size(max = Offer.TITLE_MAX) String title,
    @NotBlank @Size(max = Offer.DESCRIPTION_MAX) String description,
    @NotNull Money price,
    @NotNull Duration paymentWindow) {}

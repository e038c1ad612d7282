package dev.escrow.marketplace.application.deal;

import dev.escrow.marketplace.domain.deal.Deal;
import dev.escrow.marketplace.domain.history.StatusChange;
import dev.escrow.marketplace.domain.payment.Payment;
import java.util.List;

/**
 * A deal with what its views show beside it: its payments and its history, oldest first. The REST
 * views, the deal page and the administrator's deals page are all built from this one read.
 */
public record DealDetails(Deal deal, List<Payment> payments, List<StatusChange> history) {}

package dev.escrow.marketplace.application;

import dev.escrow.platform.money.Percent;

/** The outcome of changing the default commission: the new percent, offers changed with it. */
public record CommissionChange(Percent defaultCommissionPercent, int offersUpdated) {}

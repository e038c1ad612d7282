package dev.escrow.marketplace.application.bank;

import dev.escrow.platform.money.Money;

/** An account's money as its bank shows it after the holder's code. */
public record Balance(Money balance, Money held) {}

package dev.escrow.marketplace.application.bank;

/** A bank as the bank service lists it: its 3-digit code, name and 9-digit requisite. */
public record BankInfo(String code, String name, String requisite) {}

package dev.escrow.marketplace.application.bank;

import java.time.Instant;

/** A code the bank mailed to an account's holder: its id, where it went (masked), until when. */
public record Authorization(String id, String sentTo, Instant expiresAt) {}

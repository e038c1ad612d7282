package dev.escrow.marketplace.application.bank;

import java.util.Optional;

/**
 * The secret the bank signs its callbacks with, shared at set-up; empty when none is configured
 * (then the marketplace takes no callbacks and learns outcomes by polling).
 */
public interface CallbackSecret {

  Optional<String> secret();
}

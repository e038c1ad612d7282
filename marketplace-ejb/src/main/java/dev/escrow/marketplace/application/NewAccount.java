package dev.escrow.marketplace.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A client binds an account: its number and the registered bank (by id) that holds it. */
public record NewAccount(
    @NotBlank
        @Pattern(
            regexp = "\\s*\\d{3}[0-9A-Fa-f]{10}\\s*",
            message = "must be the bank's 3-digit code followed by 10 hex digits")
        String number,
    @NotBlank @Pattern(regexp = "\\d{1,18}", message = "is not a known bank") String bankId) {}

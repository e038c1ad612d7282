package dev.escrow.marketplace.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the administrator enters to register a bank. */
public record NewBank(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Pattern(regexp = "\\d{9}", message = "must be 9 digits") String requisite) {}

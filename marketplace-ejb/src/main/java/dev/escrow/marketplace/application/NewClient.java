package dev.escrow.marketplace.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the administrator enters to register a client. */
public record NewClient(
    @NotBlank @Size(max = 200) String fullName,
    @NotBlank
        @Size(min = 3, max = 64)
        @Pattern(
            regexp = "[A-Za-z0-9._@-]+",
            message = "may contain only latin letters, digits and . _ @ -")
        String login,
    @NotBlank @Size(min = 8, max = 128) String password) {}

/**
 * The failures both domains answer the same way (404, 409, 403, 400 naming a field, 503 with
 * Retry-After): one family, mapped to problem+json once in {@code dev.escrow.platform.rest}. A
 * domain's own exception extends one of these; it knows no JAX-RS.
 */
package dev.escrow.platform.problem;

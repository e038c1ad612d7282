package dev.escrow.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a request body larger than {@link #MAX_BYTES} with 413 problem+json before anything reads
 * it: no request of either API needs more than a few kilobytes, and a 2 MB string would otherwise
 * be parsed, validated and perhaps logged. A body without a length (chunked) is bounded by
 * Undertow's {@code max-post-size} (server.cli). Each war registers a {@code @Provider} subclass.
 */
@PreMatching
public abstract class BodySizeLimit implements ContainerRequestFilter {

  public static final long MAX_BYTES = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext context) {
    String length = context.getHeaderString("Content-Length");
    if (length == null) {
      return;
    }
    long bytes;
    try {
      bytes = Long.parseLong(length.trim());
    } catch (NumberFormatException notANumber) {
      context.abortWith(
          Problem.of(Response.Status.BAD_REQUEST, "Content-Length is not a number").toResponse());
      return;
    }
    if (bytes > MAX_BYTES) {
      context.abortWith(
          Problem.of(
                  413,
                  "Content Too Large",
                  "The request body is larger than " + MAX_BYTES + " bytes")
              .toResponse());
    }
  }
}

package dev.escrow.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body larger than {@link #MAX_BYTES} with 413 problem+json before any resource
 * sees it: no request of either API needs more than a few kilobytes, and a 2 MB string would
 * otherwise be parsed, validated and perhaps logged. A declared {@code Content-Length} is checked
 * without reading the body; a body without one (chunked, or HTTP/2) is read here, at most {@link
 * #MAX_BYTES} + 1 bytes of it, and handed on from memory when it fits. Refusing before the resource
 * runs keeps "a failed request changes nothing" even for endpoints that never read their body. Each
 * war registers a {@code @Provider} subclass.
 */
@PreMatching
public abstract class BodySizeLimit implements ContainerRequestFilter {

  public static final long MAX_BYTES = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext context) {
    String length = context.getHeaderString("Content-Length");
    if (length == null) {
      readBounded(context);
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
      tooLarge(context);
    }
  }

  /** A body of unknown length: count it as it is read, keep it if it fits. */
  private static void readBounded(ContainerRequestContext context) {
    InputStream body = context.getEntityStream();
    if (body == null) {
      return;
    }
    byte[] kept;
    try {
      kept = body.readNBytes((int) MAX_BYTES + 1);
    } catch (IOException unreadable) {
      context.abortWith(
          Problem.of(Response.Status.BAD_REQUEST, "The request body could not be read")
              .toResponse());
      return;
    }
    if (kept.length > MAX_BYTES) {
      tooLarge(context);
      return;
    }
    context.setEntityStream(new ByteArrayInputStream(kept));
  }

  private static void tooLarge(ContainerRequestContext context) {
    context.abortWith(
        Problem.of(
                413, "Content Too Large", "The request body is larger than " + MAX_BYTES + " bytes")
            .toResponse());
  }
}

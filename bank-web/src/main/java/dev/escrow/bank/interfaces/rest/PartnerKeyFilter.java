package dev.escrow.bank.interfaces.rest;

import dev.escrow.bank.application.PartnerAuthentication;
import dev.escrow.platform.rest.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/** Checks X-Api-Key on the partner API: missing or wrong answers 401 problem+json. */
@Provider
@PartnerApi
@Priority(Priorities.AUTHENTICATION)
public class PartnerKeyFilter implements ContainerRequestFilter {

  static final String PARTNER = "dev.escrow.bank.partner";

  @Inject PartnerAuthentication authentication;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    Optional<Long> partner = authentication.partnerOf(context.getHeaderString("X-Api-Key"));
    if (partner.isEmpty()) {
      context.abortWith(
          Response.fromResponse(
                  Problem.of(Response.Status.UNAUTHORIZED, "Send a valid X-Api-Key header")
                      .toResponse())
              .header("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"")
              .build());
      return;
    }
    request.setAttribute(PARTNER, partner.get());
  }

  static long partnerOf(HttpServletRequest request) {
    Object partner = request.getAttribute(PARTNER);
    if (!(partner instanceof Long id)) {
      throw new IllegalStateException("The partner filter did not run");
    }
    return id;
  }
}

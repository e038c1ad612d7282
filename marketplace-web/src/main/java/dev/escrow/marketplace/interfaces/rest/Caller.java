package dev.escrow.marketplace.interfaces.rest;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;

/** The login of the user a request is signed in as. */
final class Caller {

  private Caller() {}

  static String login(SecurityContext security) {
    if (security.getUserPrincipal() == null) {
      throw new NotAuthorizedException("Basic realm=\"Marketplace\"");
    }
    return security.getUserPrincipal().getName();
  }
}

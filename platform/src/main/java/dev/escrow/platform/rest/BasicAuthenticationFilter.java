package dev.escrow.platform.rest;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.ServerAuthenticationContext;

/**
 * HTTP Basic for an API, checked against the war's security domain by the servlet container's own
 * {@code login}, then the {@code @RolesAllowed} of the resource: no credentials where some are
 * needed, or wrong ones, answer 401 (problem+json with a challenge); the wrong role answers 403.
 * Doing it here rather than in web.xml keeps every answer in the API's problem format.
 *
 * <p>The servlet container keeps a programmatic sign-in in an HTTP session (Elytron creates one for
 * it). An API client signs in on every request and seldom keeps cookies, so each request left a
 * session behind for the session timeout: hundreds of thousands under load. A session that the
 * sign-in made is ended when the answer goes out; one the client already had (a page's sign-in) is
 * left alone.
 *
 * <p>A realm that cannot read its users (its database pool exhausted, the database away) is not a
 * wrong password: the request is answered 503 with Retry-After and the throttle does not count it.
 * Elytron's programmatic {@code login} reports both as the same failure, so after a failed one the
 * domain is asked once more, directly, whether the login can be looked up.
 *
 * <p>Each war registers a {@code @Provider} subclass naming its realm.
 */
public abstract class BasicAuthenticationFilter
    implements ContainerRequestFilter, ContainerResponseFilter {

  /** Set on a request whose sign-in made an HTTP session that the client never asked for. */
  private static final String SESSION_BY_SIGN_IN = BasicAuthenticationFilter.class.getName();

  @Context HttpServletRequest request;
  @Context ResourceInfo resource;

  private final String realm;
  private final LoginThrottle throttle;
  private final Set<String> trusted = ClientAddress.trustedProxies();

  protected BasicAuthenticationFilter(String realm, LoginThrottle throttle) {
    this.realm = realm;
    this.throttle = throttle;
  }

  @Override
  public void filter(ContainerRequestContext context) {
    String header = context.getHeaderString("Authorization");
    if (header != null && !signIn(header, context)) {
      return;
    }
    String[] roles = requiredRoles();
    if (roles == null) {
      return;
    }
    if (request.getUserPrincipal() == null) {
      context.abortWith(challenge("Sign in with HTTP Basic to use this resource"));
      return;
    }
    for (String role : roles) {
      if (request.isUserInRole(role)) {
        return;
      }
    }
    context.abortWith(
        Problem.of(Response.Status.FORBIDDEN, "Your role may not use this resource").toResponse());
  }

  @Override
  public void filter(ContainerRequestContext context, ContainerResponseContext response) {
    if (context.getProperty(SESSION_BY_SIGN_IN) != null) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.getHeaders().remove("Set-Cookie");
    }
  }

  private boolean signIn(String header, ContainerRequestContext context) {
    String[] credentials = decode(header);
    if (credentials == null) {
      context.abortWith(challenge("The Authorization header is not valid HTTP Basic"));
      return false;
    }
    String login = credentials[0];
    String client =
        ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    if (throttle.isBlocked(login, client)) {
      context.abortWith(
          Response.fromResponse(
                  Problem.of(429, "Too Many Requests", "Too many failed sign-ins; try again later")
                      .toResponse())
              .header("Retry-After", throttle.retryAfterSeconds())
              .build());
      return false;
    }
    try {
      if (request.getUserPrincipal() == null
          || !request.getUserPrincipal().getName().equals(login)) {
        boolean hadSession = request.getSession(false) != null;
        request.login(login, credentials[1]);
        if (!hadSession && request.getSession(false) != null) {
          context.setProperty(SESSION_BY_SIGN_IN, Boolean.TRUE);
        }
      }
      throttle.succeeded(login, client);
      return true;
    } catch (ServletException refused) {
      if (realmUnavailable(login)) {
        context.abortWith(
            Response.fromResponse(
                    Problem.of(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "The sign-in cannot be checked now; try again shortly")
                        .toResponse())
                .header("Retry-After", 1)
                .build());
        return false;
      }
      throttle.failed(login, client);
      context.abortWith(challenge("Wrong login or password"));
      return false;
    }
  }

  /** Whether the war's security domain cannot look the login up now (RealmUnavailableException). */
  private static boolean realmUnavailable(String login) {
    SecurityDomain domain = SecurityDomain.getCurrent();
    if (domain == null) {
      return false;
    }
    try (ServerAuthenticationContext lookup = domain.createNewAuthenticationContext()) {
      lookup.setAuthenticationName(login);
      lookup.exists();
      return false;
    } catch (RealmUnavailableException unavailable) {
      return true;
    } catch (IllegalArgumentException | IllegalStateException notALogin) {
      return false;
    }
  }

  private String[] requiredRoles() {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return new String[0];
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return null;
    }
    if (method.isAnnotationPresent(DenyAll.class)) {
      return new String[0];
    }
    RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    Class<?> type = resource.getResourceClass();
    if (type.isAnnotationPresent(PermitAll.class)) {
      return null;
    }
    RolesAllowed onClass = type.getAnnotation(RolesAllowed.class);
    return onClass == null ? null : onClass.value();
  }

  private static String[] decode(String header) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String pair =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private Response challenge(String detail) {
    return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse())
        .header("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"")
        .build();
  }
}

package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.platform.rest.BasicAuthenticationFilter;
import dev.escrow.platform.rest.BodySizeLimit;
import dev.escrow.platform.rest.LoginThrottle;
import dev.escrow.platform.rest.ProblemMappers;
import dev.escrow.platform.rest.SharedJsonb;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;

/** Registers the shared problem mappers and the Basic sign-in with this API. */
final class MarketplaceProviders {

  private MarketplaceProviders() {}

  private static final LoginThrottle THROTTLE =
      LoginThrottle.shared(Clock.systemUTC(), "marketplace");

  @Provider
  @Priority(Priorities.AUTHENTICATION)
  public static class Authentication extends BasicAuthenticationFilter {
    public Authentication() {
      super("Marketplace", THROTTLE);
    }
  }

  @Provider
  public static class BodySize extends BodySizeLimit {}

  @Provider
  public static class JsonBinding extends SharedJsonb {}

  @Provider
  public static class Validation extends ProblemMappers.ValidationMapper {}

  @Provider
  public static class WebApplication extends ProblemMappers.WebApplicationMapper {}

  @Provider
  public static class Jsonb extends ProblemMappers.JsonbMapper {}

  @Provider
  public static class Processing extends ProblemMappers.ProcessingMapper {}

  @Provider
  public static class Ejb extends ProblemMappers.EjbMapper {}

  @Provider
  public static class NotFound extends ProblemMappers.NotFoundMapper {}

  @Provider
  public static class Conflict extends ProblemMappers.ConflictMapper {}

  @Provider
  public static class Forbidden extends ProblemMappers.ForbiddenMapper {}

  @Provider
  public static class Unavailable extends ProblemMappers.UnavailableMapper {}

  @Provider
  public static class InvalidInput extends ProblemMappers.InvalidInputMapper {}

  @Provider
  public static class InvalidAmount extends ProblemMappers.InvalidAmountMapper {}

  @Provider
  public static class Unexpected extends ProblemMappers.ThrowableMapper {}
}

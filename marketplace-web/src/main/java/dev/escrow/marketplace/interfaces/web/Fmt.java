package dev.escrow.marketplace.interfaces.web;

import dev.escrow.platform.money.Money;
import dev.escrow.platform.web.Formats;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The pages' one formatter ({@code #{fmt.money(...)}}, {@code #{fmt.instant(...)}}): money and
 * instants in the visitor's language and time zone. The zone is the browser's own, which
 * resources/js/tz.js keeps in the {@code tz} cookie; before the browser has said it (the very first
 * page) it is {@code marketplace.time-zone} (env MARKETPLACE_TIME_ZONE), Europe/Moscow by default.
 */
@Named("fmt")
@RequestScoped
public class Fmt {

  public static final String ZONE_COOKIE = "tz";

  @Inject LocaleView localeView;

  private ZoneId zone;

  public Locale locale() {
    return localeView.getLocale();
  }

  public ZoneId zone() {
    if (zone == null) {
      ZoneId fallback =
          Formats.zone(
              ConfigProvider.getConfig()
                  .getOptionalValue("marketplace.time-zone", String.class)
                  .orElse(null),
              Formats.DEFAULT_ZONE);
      String fromBrowser = null;
      FacesContext context = FacesContext.getCurrentInstance();
      if (context != null
          && context.getExternalContext().getRequest() instanceof HttpServletRequest request
          && request.getCookies() != null) {
        for (Cookie cookie : request.getCookies()) {
          if (ZONE_COOKIE.equals(cookie.getName())) {
            fromBrowser =
                java.net.URLDecoder.decode(
                    cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8);
          }
        }
      }
      zone = Formats.zone(fromBrowser, fallback);
    }
    return zone;
  }

  /** Money, a BigDecimal or an amount kept as text: "18 500,50 ₽" / "₽18,500.50". */
  public String money(Object value) {
    if (value instanceof Money money) {
      return Formats.money(money.amount(), locale());
    }
    return Formats.money(value, locale());
  }

  public String plainAmount(Money value) {
    return value == null ? "" : Formats.plainAmount(value.amount(), locale());
  }

  public String instant(Instant instant) {
    return Formats.instant(instant, locale(), zone());
  }

  public String day(LocalDate date) {
    return Formats.day(date, locale());
  }

  public String timeLeft(long seconds) {
    return Formats.timeLeft(seconds, locale());
  }

  public String percent(BigDecimal value) {
    return value == null
        ? ""
        : Formats.isRussian(locale())
            ? value.toPlainString().replace('.', ',')
            : value.toPlainString();
  }

  /** For beans outside EL: the current request's formatter. */
  public static Fmt current() {
    return jakarta.enterprise.inject.spi.CDI.current().select(Fmt.class).get();
  }
}

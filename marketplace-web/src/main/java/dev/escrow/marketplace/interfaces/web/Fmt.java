package dev.escrow.marketplace.interfaces.web;

import dev.escrow.platform.money.Money;
import dev.escrow.platform.web.Formats;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.omnifaces.util.Faces;

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
      String fromBrowser = Faces.getContext() == null ? null : Faces.getRequestCookie(ZONE_COOKIE);
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

package dev.escrow.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How people read money, instants and time left, by their language and time zone: ru {@code 18
 * 500,50 ₽} and {@code 21 декабря 2026, 22:28}, en {@code ₽18,500.50} and {@code 21 December 2026,
 * 22:28}. Every page formats through this class, so that no raw {@code 18500.50} or ISO instant
 * reaches a person.
 */
public final class Formats {

  /** The zone when the browser has not told us its own (MARKETPLACE_TIME_ZONE overrides it). */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

  private static final char NBSP = '\u00a0';

  private Formats() {}

  public static boolean isRussian(Locale locale) {
    return locale == null || !"en".equals(locale.getLanguage());
  }

  /** An amount in roubles with two decimals, grouped; "" for nothing. */
  public static String money(BigDecimal amount, Locale locale) {
    if (amount == null) {
      return "";
    }
    String number = number(amount, locale);
    return isRussian(locale) ? number + NBSP + "₽" : "₽" + number;
  }

  /**
   * The value as a person would type it back into an amount field: no grouping, the locale's
   * decimal separator ("300,00" / "300.00").
   */
  public static String plainAmount(BigDecimal amount, Locale locale) {
    if (amount == null) {
      return "";
    }
    String plain = amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    return isRussian(locale) ? plain.replace('.', ',') : plain;
  }

  /** A string that holds an amount ("18500.50", as the services keep it) or anything else. */
  public static String money(Object value, Locale locale) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal amount) {
      return money(amount, locale);
    }
    try {
      return money(new BigDecimal(value.toString().strip()), locale);
    } catch (NumberFormatException notAnAmount) {
      return value.toString();
    }
  }

  private static String number(BigDecimal amount, Locale locale) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    boolean ru = isRussian(locale);
    symbols.setGroupingSeparator(ru ? NBSP : ',');
    symbols.setDecimalSeparator(ru ? ',' : '.');
    symbols.setMinusSign('-');
    DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(amount);
  }

  /** An instant in the reader's zone: "21 декабря 2026, 22:28"; "" for nothing. */
  public static String instant(Instant instant, Locale locale, ZoneId zone) {
    if (instant == null) {
      return "";
    }
    Locale language = isRussian(locale) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", language)
        .withZone(zone == null ? DEFAULT_ZONE : zone)
        .format(instant);
  }

  /** A day as a chart label: "21 дек." / "21 Dec". */
  public static String day(java.time.LocalDate date, Locale locale) {
    if (date == null) {
      return "";
    }
    Locale language = isRussian(locale) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    return DateTimeFormatter.ofPattern("d MMM", language).format(date);
  }

  /** Seconds left as a countdown: "19 дн. 23:59:57" / "19 d 23:59:57", "00:04:05" under a day. */
  public static String timeLeft(long seconds, Locale locale) {
    long s = Math.max(0, seconds);
    String clock =
        String.format(Locale.ROOT, "%02d:%02d:%02d", s % 86400 / 3600, s % 3600 / 60, s % 60);
    if (s < 86400) {
      return clock;
    }
    return (s / 86400) + (isRussian(locale) ? "\u00a0дн.\u00a0" : "\u00a0d\u00a0") + clock;
  }

  /** A zone name from the browser, or the default when it is missing or unknown. */
  public static ZoneId zone(String name, ZoneId fallback) {
    if (name != null && !name.isBlank() && name.length() <= 64) {
      try {
        return ZoneId.of(name.strip());
      } catch (DateTimeException unknown) {
        // a cookie a person could have edited: fall back rather than fail the page
      }
    }
    return fallback == null ? DEFAULT_ZONE : fallback;
  }
}

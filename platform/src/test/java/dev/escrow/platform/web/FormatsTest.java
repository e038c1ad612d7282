package dev.escrow.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final Locale EN = Locale.ENGLISH;

  private static String spaces(String text) {
    return text.replace('\u00a0', ' ');
  }

  @Test
  void moneyIsGroupedWithTheRoubleSignByLanguage() {
    assertEquals("18 500,50 ₽", spaces(Formats.money(new BigDecimal("18500.50"), RU)));
    assertEquals("₽18,500.50", Formats.money(new BigDecimal("18500.50"), EN));
    assertEquals("0,00 ₽", spaces(Formats.money("0.00", RU)));
    assertEquals("1 234 567,00 ₽", spaces(Formats.money("1234567", RU)));
    assertEquals("", Formats.money((Object) null, RU));
    assertEquals("not an amount", Formats.money("not an amount", RU));
  }

  @Test
  void anAmountToTypeBackHasNoGrouping() {
    assertEquals("5000,00", Formats.plainAmount(new BigDecimal("5000.00"), RU));
    assertEquals("5000.00", Formats.plainAmount(new BigDecimal("5000.00"), EN));
  }

  @Test
  void instantsAreInTheReadersZoneAndLanguage() {
    Instant at = Instant.parse("2026-12-21T19:28:45.766679Z");
    assertEquals("21 декабря 2026, 22:28", Formats.instant(at, RU, ZoneId.of("Europe/Moscow")));
    assertEquals("21 December 2026, 19:28", Formats.instant(at, EN, ZoneId.of("UTC")));
    assertEquals("", Formats.instant(null, RU, null));
  }

  @Test
  void timeLeftIsACountdownInTheLanguage() {
    long s = 19 * 86400 + 23 * 3600 + 59 * 60 + 57;
    assertEquals("19 дн. 23:59:57", spaces(Formats.timeLeft(s, RU)));
    assertEquals("19 d 23:59:57", spaces(Formats.timeLeft(s, EN)));
    assertEquals("00:04:05", Formats.timeLeft(245, RU));
    assertEquals("00:00:00", Formats.timeLeft(-3, RU));
  }

  @Test
  void anUnknownZoneFallsBack() {
    assertEquals(ZoneId.of("Asia/Tokyo"), Formats.zone("Asia/Tokyo", null));
    assertEquals(Formats.DEFAULT_ZONE, Formats.zone("Mars/Olympus", null));
    assertEquals(Formats.DEFAULT_ZONE, Formats.zone(null, null));
  }
}

package dev.escrow.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A visitor's page language: Russian unless they choose English. The choice is the {@code lang}
 * cookie (path /), so one choice holds on the marketplace's and the bank's pages alike and survives
 * signing out and the next visit. Each site's session bean keeps one.
 */
public final class Language implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> SUPPORTED = Set.of("ru", "en");
  private static final String COOKIE = "lang";

  private Locale locale = Locale.forLanguageTag("ru");

  /** The language the request's cookie names, else Russian. */
  public static Language of(FacesContext context) {
    Language language = new Language();
    if (context != null) {
      Object cookie = context.getExternalContext().getRequestCookieMap().get(COOKIE);
      if (cookie instanceof Cookie c && SUPPORTED.contains(c.getValue())) {
        language.locale = Locale.forLanguageTag(c.getValue());
      }
    }
    return language;
  }

  public Locale locale() {
    return locale;
  }

  /** Switches the page and the cookie to {@code tag}; an unknown tag changes nothing. */
  public void change(String tag, FacesContext context) {
    if (!SUPPORTED.contains(tag)) {
      return;
    }
    locale = Locale.forLanguageTag(tag);
    context.getViewRoot().setLocale(locale);
    context
        .getExternalContext()
        .addResponseCookie(
            COOKIE,
            tag,
            Map.of(
                "maxAge",
                365 * 24 * 3600,
                "path",
                "/",
                "httpOnly",
                Boolean.TRUE,
                "SameSite",
                "Lax"));
  }
}

package dev.escrow.bank.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The back office's language: Russian unless the operator chooses English. The choice is the
 * marketplace's {@code lang} cookie (path /), so one choice holds on both sites and survives
 * signing out.
 */
@Named("backOfficeLocale")
@SessionScoped
public class BackOfficeLocale implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> SUPPORTED = Set.of("ru", "en");
  private static final String COOKIE = "lang";

  private Locale locale = Locale.forLanguageTag("ru");

  @PostConstruct
  void fromCookie() {
    FacesContext context = FacesContext.getCurrentInstance();
    if (context == null) {
      return;
    }
    Object cookie = context.getExternalContext().getRequestCookieMap().get(COOKIE);
    if (cookie instanceof Cookie c && SUPPORTED.contains(c.getValue())) {
      locale = Locale.forLanguageTag(c.getValue());
    }
  }

  public Locale getLocale() {
    return locale;
  }

  public String change(String language) {
    if (SUPPORTED.contains(language)) {
      locale = Locale.forLanguageTag(language);
      FacesContext context = FacesContext.getCurrentInstance();
      context.getViewRoot().setLocale(locale);
      context
          .getExternalContext()
          .addResponseCookie(
              COOKIE,
              language,
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
    return null;
  }
}

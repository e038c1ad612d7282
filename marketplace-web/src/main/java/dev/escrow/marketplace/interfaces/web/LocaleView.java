package dev.escrow.marketplace.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The visitor's language (Russian unless they choose English) and signing out. The choice is kept
 * in the {@code lang} cookie too, so that it survives signing out and the next visit.
 */
@Named
@SessionScoped
public class LocaleView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> SUPPORTED = Set.of("ru", "en");

  static final String COOKIE = "lang";

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

  public String logout() throws ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    return "/index?faces-redirect=true";
  }

  /**
   * The home page of a signed-in visitor: the administrator's dashboard, a client's catalogue;
   * nothing (stay) for a visitor not signed in.
   */
  public String land() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (external.isUserInRole("admin")) {
      return "/admin/deals?faces-redirect=true";
    }
    if (external.isUserInRole("client")) {
      return "/cabinet/catalogue?faces-redirect=true";
    }
    return null;
  }
}

package dev.escrow.marketplace.interfaces.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/** The visitor's language (Russian unless they choose English) and signing out. */
@Named
@SessionScoped
public class LocaleView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> SUPPORTED = Set.of("ru", "en");

  private Locale locale = Locale.forLanguageTag("ru");

  public Locale getLocale() {
    return locale;
  }

  public String change(String language) {
    if (SUPPORTED.contains(language)) {
      locale = Locale.forLanguageTag(language);
      FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
    return null;
  }

  public String logout() throws ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    return "/index?faces-redirect=true";
  }
}

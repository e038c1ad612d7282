package dev.escrow.marketplace.interfaces.web;

import dev.escrow.platform.web.Language;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Locale;

/**
 * The visitor's language (platform's {@link Language}: Russian unless they choose English, kept in
 * the {@code lang} cookie) and signing out.
 */
@Named
@SessionScoped
public class LocaleView implements Serializable {

  private static final long serialVersionUID = 1L;
  private Language language = Language.of(null);

  @PostConstruct
  void fromCookie() {
    language = Language.of(FacesContext.getCurrentInstance());
  }

  public Locale getLocale() {
    return language.locale();
  }

  public String change(String tag) {
    language.change(tag, FacesContext.getCurrentInstance());
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

package dev.escrow.marketplace.interfaces.web;

import dev.escrow.platform.web.Language;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import java.io.Serializable;
import java.util.Locale;
import org.omnifaces.util.Faces;

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
    Faces.logout();
    Faces.invalidateSession();
    return "/index?faces-redirect=true";
  }

  /**
   * The home page of a signed-in visitor: the administrator's dashboard, a client's catalogue;
   * nothing (stay) for a visitor not signed in.
   */
  public String land() {
    if (Faces.isUserInRole("admin")) {
      return "/admin/deals?faces-redirect=true";
    }
    if (Faces.isUserInRole("client")) {
      return "/cabinet/catalogue?faces-redirect=true";
    }
    return null;
  }
}

package dev.escrow.bank.interfaces.web;

import dev.escrow.platform.web.Language;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * The back office's language: platform's {@link Language}, the marketplace's {@code lang} cookie,
 * so one choice holds on both sites and survives signing out.
 */
@Named("backOfficeLocale")
@SessionScoped
public class BackOfficeLocale implements Serializable {

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
}

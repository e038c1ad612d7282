package dev.escrow.marketplace.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Small helpers for the backing beans: texts from the bundle, messages, the signed-in login. */
public final class Pages {

  private Pages() {}

  public static String text(String key, Object... args) {
    return textOf("msg", key, args);
  }

  /** A text from the bundle with this variable name ("msg", "dm"). */
  public static String textOf(String bundleName, String key, Object... args) {
    FacesContext context = FacesContext.getCurrentInstance();
    ResourceBundle bundle = context.getApplication().getResourceBundle(context, bundleName);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
  }

  /** A success message, shown by the growl of the template. */
  public static void info(String key, Object... args) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
  }

  /** A success message from the deals bundle ("dm"). */
  public static void dealInfo(String key, Object... args) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_INFO, textOf("dm", key, args), null));
  }

  /** An error from the deals bundle ("dm") next to one field, or for the page. */
  public static void dealError(String clientId, String key, Object... args) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(
        clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, textOf("dm", key, args), null));
    context.validationFailed();
  }

  /** An error next to one field (its client id), or for the whole page when clientId is null. */
  public static void error(String clientId, String key, Object... args) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(
        clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
    context.validationFailed();
  }

  public static String login() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  /** "2 д 3 ч" / "2 d 3 h": a payment window as people read it. */
  public static String window(Duration duration) {
    if (duration == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    long days = duration.toDays();
    int hours = duration.toHoursPart();
    int minutes = duration.toMinutesPart();
    if (days > 0) {
      text.append(text("window.days", days)).append(' ');
    }
    if (hours > 0) {
      text.append(text("window.hours", hours)).append(' ');
    }
    if (minutes > 0 || text.length() == 0) {
      text.append(text("window.minutes", minutes));
    }
    return text.toString().strip();
  }
}

package dev.escrow.marketplace.interfaces.web;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.ResourceBundle;
import org.omnifaces.util.Faces;

/**
 * The pages' texts: a key of faces-config.xml's bundles in the page's language, its arguments
 * formatted in that language too. OmniFaces has no such lookup (its {@code Faces.getBundleString}
 * answers "???key???" and its {@code Messages} format in the server's language), so the messages of
 * the backing beans ({@code Messages.addGlobalInfo("offers.submitted", title)}) are resolved here:
 * see {@link BundleMessages}.
 */
public final class Pages {

  private Pages() {}

  /** A text of the marketplace's bundle ("msg"), or the key when it has none. */
  public static String text(String key, Object... args) {
    return textOf("msg", key, args);
  }

  /** A text of the bundle with this variable name ("msg", "dm"), or the key when it has none. */
  public static String textOf(String bundleName, String key, Object... args) {
    ResourceBundle bundle = Faces.getResourceBundle(bundleName);
    return format(bundle, bundle.containsKey(key) ? bundle.getString(key) : key, args);
  }

  /** A message's text: the key of either bundle ("msg", then "dm"), else the message as it is. */
  static String message(String key, Object... args) {
    ResourceBundle marketplace = Faces.getResourceBundle("msg");
    if (marketplace.containsKey(key)) {
      return format(marketplace, marketplace.getString(key), args);
    }
    return textOf("dm", key, args);
  }

  private static String format(ResourceBundle bundle, String pattern, Object... args) {
    return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
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

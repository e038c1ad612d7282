package dev.escrow.bank.interfaces.web;

import dev.escrow.platform.problem.ConflictException;
import dev.escrow.platform.problem.InvalidInputException;
import dev.escrow.platform.problem.NotFoundException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Runs a service call for a page and turns a refusal into a message on the page, in the page's
 * language: which exception names which field, and how a constraint reads, is the back office's own
 * (OmniFaces only shows the message). Texts come from the bundle {@code bo}.
 */
final class Pages {

  private Pages() {}

  static <T> T attempt(Supplier<T> call) {
    return attempt(null, call);
  }

  /**
   * As above; a refusal that names a field is shown next to that field of this form (the input
   * {@code form:field}, its message {@code form:fieldMessage}) when the form has it, in plain words
   * ("Full name must not be blank"), else above the page.
   */
  static <T> T attempt(String form, Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidInputException e) {
      fieldError(form, e.field(), translated(e.getMessage()));
    } catch (NotFoundException | ConflictException e) {
      Messages.addGlobalError(translated(e.getMessage()));
    } catch (ConstraintViolationException violations) {
      // The services' parameter validation (an application exception: see ejb-jar.xml).
      fieldErrors(form, violations);
    } catch (EJBException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConstraintViolationException violations) {
        fieldErrors(form, violations);
      } else if (cause instanceof IllegalArgumentException invalid) {
        Messages.addGlobalError(translated(invalid.getMessage()));
      } else {
        throw e;
      }
    } catch (IllegalArgumentException e) {
      Messages.addGlobalError(translated(e.getMessage()));
    }
    return null;
  }

  private static void fieldErrors(String form, ConstraintViolationException violations) {
    violations
        .getConstraintViolations()
        .forEach(v -> fieldError(form, lastNode(v.getPropertyPath().toString()), words(v)));
  }

  /**
   * What a refused constraint says, in the page's language: a standard constraint by its kind and
   * limits ("must be at most 200 characters long"), a service's own message by its English text.
   */
  private static String words(ConstraintViolation<?> v) {
    String template = v.getMessageTemplate();
    if (template != null && template.startsWith("{jakarta.validation.constraints.")) {
      String kind = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      String key = "constraint." + kind;
      String text = text(key);
      if (!text.equals(key)) {
        for (Map.Entry<String, Object> attribute :
            v.getConstraintDescriptor().getAttributes().entrySet()) {
          text = text.replace("{" + attribute.getKey() + "}", String.valueOf(attribute.getValue()));
        }
        return text;
      }
      return v.getMessage();
    }
    return translated(v.getMessage());
  }

  /** A service's English note in the page's language when the bundle knows it, else as it is. */
  static String translated(String message) {
    if (message == null) {
      return "";
    }
    String key =
        "error."
            + message
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
    String text = text(key);
    return text.equals(key) ? message : text;
  }

  /** A text of the back office's bundle ({@code bo}) in the page's language, or the key. */
  static String text(String key, Object... args) {
    ResourceBundle bundle = Faces.getResourceBundle("bo");
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private static void fieldError(String form, String field, String message) {
    String clientId = form == null || field == null ? null : form + ":" + field;
    if (clientId != null && Components.findComponent(clientId) != null) {
      Messages.addError(clientId, label(field) + " " + message);
    } else {
      Messages.addGlobalError(label(field) + ": " + message);
    }
  }

  /** "fullName" -> "Full name" / "Ф.И.О." (the bundle's {@code field.*}), else made from it. */
  static String label(String field) {
    if (field == null || field.isBlank()) {
      return "";
    }
    String key = "field." + field;
    String text = text(key);
    if (!text.equals(key)) {
      return text;
    }
    String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}

package dev.escrow.bank.interfaces.web;

import dev.escrow.bank.application.ConflictException;
import dev.escrow.bank.application.InvalidInputException;
import dev.escrow.bank.application.NotFoundException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;
import java.util.function.Supplier;

/** Runs a service call for a page and turns a refusal into a message on the page. */
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
      fieldError(form, e.field(), e.getMessage());
    } catch (NotFoundException | ConflictException e) {
      error(e.getMessage());
    } catch (ConstraintViolationException violations) {
      // The services' parameter validation (an application exception: see ejb-jar.xml).
      fieldErrors(form, violations);
    } catch (EJBException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConstraintViolationException violations) {
        fieldErrors(form, violations);
      } else if (cause instanceof IllegalArgumentException invalid) {
        error(invalid.getMessage());
      } else {
        throw e;
      }
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
    }
    return null;
  }

  private static void fieldErrors(String form, ConstraintViolationException violations) {
    violations
        .getConstraintViolations()
        .forEach(v -> fieldError(form, lastNode(v.getPropertyPath().toString()), v.getMessage()));
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private static void fieldError(String form, String field, String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    String clientId = form == null || field == null ? null : form + ":" + field;
    if (clientId != null && context.getViewRoot().findComponent(":" + clientId) != null) {
      context.addMessage(
          clientId,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, label(field) + " " + message, null));
      context.validationFailed();
    } else {
      error(label(field) + ": " + message);
    }
  }

  /** "fullName" -> "Full name", "bankRequisite" -> "Bank requisite". */
  static String label(String field) {
    if (field == null || field.isBlank()) {
      return "";
    }
    String words = field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}

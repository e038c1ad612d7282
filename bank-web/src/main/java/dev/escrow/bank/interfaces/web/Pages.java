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
    try {
      return call.get();
    } catch (InvalidInputException e) {
      error(e.field() + ": " + e.getMessage());
    } catch (NotFoundException | ConflictException e) {
      error(e.getMessage());
    } catch (ConstraintViolationException violations) {
      // The services' parameter validation (an application exception: see ejb-jar.xml).
      fieldErrors(violations);
    } catch (EJBException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConstraintViolationException violations) {
        fieldErrors(violations);
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

  private static void fieldErrors(ConstraintViolationException violations) {
    violations
        .getConstraintViolations()
        .forEach(v -> error(lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()));
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
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

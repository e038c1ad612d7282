package dev.escrow.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;

/**
 * A post whose view state is unknown (expired session, or forged) runs no action and is not a
 * server error: the browser is redirected to the "page expired" page, for full and ajax posts
 * alike. Without this the container's error page answered it with status 500. Each war registers it
 * in its {@code faces-config.xml} and has its own {@code /expired.xhtml}.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

  public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new ExpiredViewHandler(getWrapped().getExceptionHandler());
  }

  static class ExpiredViewHandler extends ExceptionHandlerWrapper {

    ExpiredViewHandler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable failure = events.next().getContext().getException();
        while (!(failure instanceof ViewExpiredException)
            && failure instanceof FacesException
            && failure.getCause() != null) {
          failure = failure.getCause();
        }
        if (failure instanceof ViewExpiredException) {
          events.remove();
          FacesContext faces = FacesContext.getCurrentInstance();
          ExternalContext external = faces.getExternalContext();
          try {
            external.redirect(external.getRequestContextPath() + "/expired.xhtml");
          } catch (IOException e) {
            throw new FacesException(e);
          }
          faces.responseComplete();
        }
      }
      getWrapped().handle();
    }
  }
}

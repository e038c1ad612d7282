package dev.escrow.bank.interfaces.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.FacesContext;
import org.omnifaces.config.WebXml;
import org.omnifaces.exceptionhandler.ExceptionSuppressor;
import org.omnifaces.util.Exceptions;
import org.omnifaces.util.Faces;

/**
 * A post whose view state is unknown (expired session, or forged) ran no action and is no server
 * error: the browser is redirected to the page web.xml gives {@link ViewExpiredException}, for full
 * and ajax posts alike. OmniFaces's FullAjaxExceptionHandler, which this wraps (faces-config.xml),
 * would show that page in place of the form instead, with status 500 for a full post.
 */
public class ExpiredViewRedirectFactory extends ExceptionHandlerFactory {

  public ExpiredViewRedirectFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new ExpiredViewRedirect(getWrapped().getExceptionHandler());
  }

  static class ExpiredViewRedirect extends ExceptionSuppressor {

    ExpiredViewRedirect(ExceptionHandler wrapped) {
      super(wrapped, ViewExpiredException.class);
    }

    @Override
    protected void handleSuppressedException(FacesContext context, Throwable suppressed) {
      ViewExpiredException expired = Exceptions.extract(suppressed, ViewExpiredException.class);
      Faces.redirect(
          Faces.getRequestContextPath() + WebXml.instance().findErrorPageLocation(expired));
    }
  }
}

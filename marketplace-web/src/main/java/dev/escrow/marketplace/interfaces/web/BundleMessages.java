package dev.escrow.marketplace.interfaces.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.omnifaces.util.Messages;

/**
 * OmniFaces's {@link Messages} take a bundle key and its arguments ({@code
 * Messages.addError("offerForm:windowAmount", "offers.windowRange")}) and show the text of the
 * page's language ({@link Pages#message}). Its resolver is set once, at startup.
 */
@WebListener
public class BundleMessages implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    Messages.setResolver(Pages::message);
  }
}

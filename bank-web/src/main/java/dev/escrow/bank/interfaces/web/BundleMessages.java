package dev.escrow.bank.interfaces.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.omnifaces.util.Messages;

/**
 * OmniFaces's {@link Messages} take a key of the back office's bundle and its arguments ({@code
 * Messages.addGlobalInfo("fees.saved")}) and show the text of the page's language ({@link
 * Pages#text}); a text that is no key is shown as it is. Its resolver is set once, at startup.
 */
@WebListener
public class BundleMessages implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    Messages.setResolver(Pages::text);
  }
}

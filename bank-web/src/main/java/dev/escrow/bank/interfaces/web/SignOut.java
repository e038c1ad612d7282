package dev.escrow.bank.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import org.omnifaces.util.Faces;

/** Ends the operator's session. */
@Named
@RequestScoped
public class SignOut {

  public String signOut() throws ServletException {
    Faces.logout();
    Faces.invalidateSession();
    return "/login?faces-redirect=true";
  }
}

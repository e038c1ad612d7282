package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.ClientService;
import dev.escrow.marketplace.domain.user.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

/** Cabinet: who I am. */
@Named
@RequestScoped
public class ProfileView {

  @Inject ClientService clients;

  private User me;

  public User getMe() {
    if (me == null) {
      me = clients.byLogin(Faces.getRemoteUser()).orElse(null);
    }
    return me;
  }
}

package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.user.User;
import dev.escrow.marketplace.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Finds the signed-in user that a use case acts for (resources and pages pass the login). */
@ApplicationScoped
public class Callers {

  @Inject UserRepository users;

  public User byLogin(String login) {
    if (login == null) {
      throw new UnknownObjectException("User");
    }
    return users.findByLogin(login).orElseThrow(() -> new UnknownObjectException("User"));
  }
}

package dev.escrow.marketplace.interfaces.rest;

import dev.escrow.marketplace.domain.user.User;

/** A user as the API shows it: {id, fullName, login}. */
public record UserView(String id, String fullName, String login) {

  static UserView of(User user) {
    return new UserView(String.valueOf(user.id()), user.fullName(), user.login());
  }
}

package dev.escrow.marketplace.application;

import dev.escrow.marketplace.domain.user.User;
import dev.escrow.marketplace.domain.user.UserRepository;
import dev.escrow.platform.security.PasswordHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The administrator registers clients; everybody can read who they are. */
@Stateless
public class ClientService {

  @Inject UserRepository users;
  @Inject PasswordHasher hasher;
  @Inject Clock clock;

  public User registerClient(@NotNull @Valid NewClient client) {
    if (users.loginTaken(client.login().strip())) {
      throw new BusinessConflictException("login", "This login is already taken");
    }
    return users.add(
        User.client(
            client.login(), client.fullName(), hasher.hash(client.password()), clock.instant()));
  }

  public List<User> clients() {
    return users.clients();
  }

  public Optional<User> byLogin(String login) {
    return users.findByLogin(login);
  }
}

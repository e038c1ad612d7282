package dev.escrow.marketplace.interfaces.web;

import dev.escrow.marketplace.application.BusinessConflictException;
import dev.escrow.marketplace.application.ClientService;
import dev.escrow.marketplace.application.NewClient;
import dev.escrow.marketplace.domain.user.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Messages;

/** Admin: register a client; the list of clients. */
@Named
@RequestScoped
public class ClientsView {

  @Inject ClientService clients;

  private String fullName;
  private String login;
  private String password;
  private List<User> all;

  public void register() {
    try {
      User created = clients.registerClient(new NewClient(fullName, login, password));
      Messages.addGlobalInfo("clients.created", created.fullName(), created.login());
      fullName = null;
      login = null;
      password = null;
      all = null;
    } catch (BusinessConflictException e) {
      Messages.addError("clientForm:login", "clients.loginTaken");
    }
  }

  public List<User> getAll() {
    if (all == null) {
      all = clients.clients();
    }
    return all;
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName;
  }

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}

import java.io.IOException;

/** The marketplace as the drivers use it: clients registered by the admin, their accounts. */
public final class Marketplace {

  private final Driver driver;
  private final String adminPassword;

  public Marketplace(Driver driver, String adminPassword) {
    this.driver = driver;
    this.adminPassword = adminPassword;
  }

  /**
   * Registers a client (full name "Client {login}") and binds the bank account to them; answers the
   * bound account's id.
   */
  public String client(String login, String password, String accountNumber, String bankId)
      throws IOException {
    String client =
        "{\"fullName\":\"Client "
            + login
            + "\",\"login\":\""
            + login
            + "\",\"password\":\""
            + password
            + "\"}";
    driver.post("/api/v1/admin/clients", "admin", adminPassword, client, null).expect(201);
    String account = "{\"number\":\"" + accountNumber + "\",\"bankId\":\"" + bankId + "\"}";
    Reply bound = driver.post("/api/v1/me/accounts", login, password, account, null).expect(201);
    return Reply.field(bound.body(), "id");
  }
}

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marketplace as the drivers use it: its banks, clients registered by the admin, their
 * accounts.
 */
public final class Marketplace {

  private final Driver driver;
  private final String adminPassword;
  private final Map<String, String> bankIds = new HashMap<>();

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

  /**
   * The marketplace's id of the bank with this requisite: the demo seed registers all ten banks (a
   * few seconds after the start), so it is looked up first and registered only when missing.
   */
  public synchronized String bank(String requisite) throws IOException {
    String known = bankIds.get(requisite);
    if (known != null) {
      return known;
    }
    Pattern registered =
        Pattern.compile("\\{[^{}]*\"requisite\"\\s*:\\s*\"" + requisite + "\"[^{}]*\\}");
    Instant deadline = Instant.now().plusSeconds(120);
    String id = null;
    while (id == null) {
      Matcher m = registered.matcher(driver.get("/api/v1/banks", "admin", adminPassword).body());
      if (m.find()) {
        id = Reply.field(m.group(), "id");
        break;
      }
      Reply created =
          driver.post(
              "/api/v1/admin/banks",
              "admin",
              adminPassword,
              "{\"name\":\"Bank " + requisite + "\",\"requisite\":\"" + requisite + "\"}",
              null);
      if (created.status() == 409 && Instant.now().isBefore(deadline)) {
        // The demo seed is registering it in a transaction not yet committed: read again.
        Driver.sleep(1000);
      } else {
        Reply.expect(created, 201);
        id = Reply.field(created.body(), "id");
      }
    }
    bankIds.put(requisite, id);
    return id;
  }
}

import java.io.IOException;
import java.util.Map;

/** The bank's back office as the drivers use it: customers, their accounts and deposits. */
public final class BackOffice {

  private final Driver driver;
  private final String operatorPassword;

  public BackOffice(Driver driver, String operatorPassword) {
    this.driver = driver;
    this.operatorPassword = operatorPassword;
  }

  /** A new customer of the bank; answers its id. */
  public String customer(String name, String email) throws IOException {
    String body =
        "{\"fullName\":\"" + name + "\",\"email\":\"" + email + "\",\"phone\":\"+70000000000\"}";
    return Reply.field(post("/bank/api/v1/backoffice/customers", body).expect(201).body(), "id");
  }

  /** A new account of that customer at the bank with that requisite; answers its number. */
  public String account(String customer, String bank) throws IOException {
    String path = "/bank/api/v1/backoffice/customers/" + customer + "/accounts";
    String body = "{\"bankRequisite\":\"" + bank + "\"}";
    return Reply.field(post(path, body).expect(201).body(), "number");
  }

  public void deposit(String number, String amount) throws IOException {
    String path = "/bank/api/v1/backoffice/accounts/" + number + "/deposits";
    post(path, "{\"amount\":\"" + amount + "\"}").expect(200);
  }

  private Reply post(String path, String body) throws IOException {
    return driver.send("POST", path, "operator", operatorPassword, body, null, Map.of());
  }
}

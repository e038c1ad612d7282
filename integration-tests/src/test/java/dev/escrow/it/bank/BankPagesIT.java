package dev.escrow.it.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The operator's pages behind FORM sign-in: each one renders with the operator's data. */
class BankPagesIT extends EarDeployment {

  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private HttpResponse<String> get(String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void signIn() throws Exception {
    HttpResponse<String> login = get("/bank/backoffice/index.xhtml");
    assertTrue(login.body().contains("j_security_check"), "the sign-in form first");
    String form =
        "j_username=operator&j_password="
            + URLEncoder.encode(Api.OPERATOR_PASSWORD, StandardCharsets.UTF_8);
    browser.send(
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/bank/j_security_check"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theOperatorSeesEveryBackOfficePage() throws Exception {
    signIn();
    // Russian unless the operator chose English (the lang cookie)
    assertPage("/bank/backoffice/index.xhtml", "Зарегистрировать клиента");
    assertPage("/bank/backoffice/accounts.xhtml", "Найти счета");
    assertPage("/bank/backoffice/fees.xhtml", "044525042");
    assertPage("/bank/backoffice/outbox.xhtml", "Демо-почта выключена");
    assertPage("/bank/backoffice/audit.xhtml", "Сходится");
  }

  private void assertPage(String path, String text) throws Exception {
    HttpResponse<String> page = get(path);
    assertEquals(200, page.statusCode(), path);
    assertTrue(page.body().contains(text), path + " shows " + text + ": " + page.body());
  }
}

package dev.escrow.it.security;

import static dev.escrow.it.support.Market.BANK_A;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.Browser;
import dev.escrow.it.support.EarDeployment;
import dev.escrow.it.support.Market;
import dev.escrow.it.support.Market.Person;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Issue 6, "Access", the pages: hostile offer text is shown as text, the pages send the security
 * headers, the session cookie is HttpOnly and SameSite, and a form post without a valid view state
 * does nothing.
 */
class PageSecurityIT extends EarDeployment {

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "\"><img src=x onerror=alert(1)>";

  @Test
  void hostileOfferTextIsShownAsTextInCatalogueModerationAndDealPage() throws Exception {
    Person seller = Market.client(BANK_A, null);
    Person buyer = Market.client(BANK_A, null);
    String token = Api.unique("xss");
    String title = token + " " + SCRIPT + IMG;
    String description = "Описание " + IMG + SCRIPT;
    String pending = offer(seller, title, description);
    String active = offer(seller, title, description);
    assertEquals(
        200, Api.admin().post("/api/v1/admin/offers/" + active + "/approve", "{}").status());

    try (Browser admin = new Browser("xss-admin")) {
      admin.signIn("/admin/moderation.xhtml", "admin", Api.ADMIN_PASSWORD);
      admin.waitForText(token);
      assertShownAsText(admin, "moderation queue");
      admin.screenshot("moderation");
    }
    try (Browser browser = new Browser("xss-buyer")) {
      browser.signIn("/cabinet/catalogue.xhtml", buyer.login(), buyer.password());
      browser.type("catalogueForm:query", token);
      browser.click("catalogueForm:search");
      browser.waitForText(token);
      assertShownAsText(browser, "catalogue");
      browser.screenshot("catalogue");
      browser.click("catalogueForm:offers:0:buy");
      browser.waitForText("remaining", "300,00 ₽");
      browser.waitForText(token);
      assertShownAsText(browser, "deal page");
      browser.screenshot("deal");
    }
  }

  private static void assertShownAsText(Browser browser, String where) {
    try {
      browser.driver().switchTo().alert();
      throw new AssertionError("an alert opened on the " + where);
    } catch (NoAlertPresentException expected) {
      // the script did not run
    }
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    Object injectedImages =
        js.executeScript("return document.querySelectorAll('img[src=\"x\"]').length;");
    assertEquals(0L, ((Number) injectedImages).longValue(), "an injected <img> on the " + where);
    Object injectedScripts =
        js.executeScript(
            "return Array.from(document.scripts).filter(s => s.text.indexOf('alert(1)') >= 0).length;");
    assertEquals(
        0L, ((Number) injectedScripts).longValue(), "an injected <script> on the " + where);
    String source = browser.driver().getPageSource();
    assertTrue(
        source.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped text on the " + where);
    assertTrue(
        source.contains("&lt;img src=x onerror=alert(1)&gt;")
            || source.contains("&lt;img src=\"x\" onerror=\"alert(1)\"&gt;"),
        "escaped img on the " + where);
    assertFalse(browser.driver().findElements(By.cssSelector("img[onerror]")).size() > 0);
  }

  @Test
  void pagesSendSecurityHeaders() {
    for (String path : List.of("/login.xhtml", "/", "/bank/login.xhtml")) {
      Api.Reply page = Api.anonymous().send("GET", path, null, Map.of("Accept", "text/html"));
      assertEquals(200, page.status(), path);
      List<String> csp = page.response().headers().allValues("Content-Security-Policy");
      String all = String.join("; ", csp);
      System.out.println(
          "HEADERS "
              + path
              + " CSP="
              + csp
              + " XFO="
              + page.header("X-Frame-Options")
              + " XCTO="
              + page.header("X-Content-Type-Options"));
      assertTrue(all.contains("frame-ancestors 'none'"), path + " CSP " + csp);
      assertEquals("DENY", page.header("X-Frame-Options"), path);
      assertEquals("nosniff", page.header("X-Content-Type-Options"), path);
    }
    // PrimeFaces adds a script policy with a nonce to the marketplace's pages.
    Api.Reply login =
        Api.anonymous().send("GET", "/login.xhtml", null, Map.of("Accept", "text/html"));
    assertTrue(
        login.response().headers().allValues("Content-Security-Policy").stream()
            .anyMatch(p -> p.contains("nonce-")),
        "a nonce CSP on the pages");
  }

  @Test
  void pageSignInSetsHttpOnlySameSiteSessionCookies() throws Exception {
    Person client = Market.client(BANK_A, null);
    assertSessionCookies("", "/cabinet/index.xhtml", client.login(), client.password());
    assertSessionCookies(
        "/bank", "/bank/backoffice/index.xhtml", "operator", Api.OPERATOR_PASSWORD);
  }

  private static void assertSessionCookies(
      String context, String secured, String login, String password) throws Exception {
    Session session = new Session();
    HttpResponse<String> first = session.get(secured);
    HttpResponse<String> signedIn =
        session.post(
            context + "/j_security_check",
            Map.of("j_username", login, "j_password", password),
            Map.of());
    List<String> cookies = new ArrayList<>(first.headers().allValues("Set-Cookie"));
    cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
    List<String> sessions = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    System.out.println("COOKIES " + context + "/: " + sessions);
    assertFalse(sessions.isEmpty(), "no session cookie: " + cookies);
    for (String cookie : sessions) {
      String lower = cookie.toLowerCase(Locale.ROOT);
      assertTrue(lower.contains("httponly"), cookie);
      assertTrue(lower.contains("samesite=lax") || lower.contains("samesite=strict"), cookie);
    }
    assertTrue(
        signedIn.statusCode() == 302 || signedIn.statusCode() == 303,
        "signed in: " + signedIn.statusCode());
  }

  @Test
  void aFacesPostWithABogusViewStateDoesNothing() throws Exception {
    Session admin = new Session();
    admin.get("/admin/deal-statuses.xhtml");
    HttpResponse<String> signedIn =
        admin.post(
            "/j_security_check",
            Map.of("j_username", "admin", "j_password", Api.ADMIN_PASSWORD),
            Map.of());
    assertTrue(signedIn.statusCode() == 302 || signedIn.statusCode() == 303);
    HttpResponse<String> page = admin.get("/admin/deal-statuses.xhtml");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("jakarta.faces.ViewState"), "the page has a view state");

    String name = Api.unique("bogus-state");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("addForm", "addForm");
    form.put("addForm:newName", name);
    form.put("addForm:add", "addForm:add");
    form.put("jakarta.faces.ViewState", "-1234567890:9876543210");
    Forged answers = forgedPosts(admin, "/admin/deal-statuses.xhtml", form, "addForm");

    String statuses = Api.admin().get("/api/v1/admin/deal-statuses").body();
    assertFalse(statuses.contains(name), "the action ran without a valid view state");
    assertSentToTheExpiredPage(answers, "/expired.xhtml");
  }

  @Test
  void aBackOfficePostWithABogusViewStateDoesNothing() throws Exception {
    Session operator = new Session();
    operator.get("/bank/backoffice/index.xhtml");
    HttpResponse<String> signedIn =
        operator.post(
            "/bank/j_security_check",
            Map.of("j_username", "operator", "j_password", Api.OPERATOR_PASSWORD),
            Map.of());
    assertTrue(signedIn.statusCode() == 302 || signedIn.statusCode() == 303);
    HttpResponse<String> page = operator.get("/bank/backoffice/index.xhtml");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("jakarta.faces.ViewState"), "the page has a view state");

    String name = Api.unique("bogus-state");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("customers", "customers");
    form.put("customers:fullName", name);
    form.put("customers:email", name + "@example.org");
    form.put("customers:phone", "+7 900 000 00 00");
    form.put("customers:register", "customers:register");
    form.put("jakarta.faces.ViewState", "-1234567890:9876543210");
    Forged answers = forgedPosts(operator, "/bank/backoffice/index.xhtml", form, "customers");

    String found =
        Api.operator()
            .get("/bank/api/v1/backoffice/customers?q=" + URLEncoder.encode(name, UTF_8))
            .body();
    assertFalse(found.contains(name), "the action ran without a valid view state: " + found);
    assertSentToTheExpiredPage(answers, "/bank/expired.xhtml");
    HttpResponse<String> expired = operator.get("/bank/expired.xhtml");
    assertEquals(200, expired.statusCode(), "the expired-page is there: " + expired.body());
  }

  /** The answers to a form posted with a forged view state, as a full and as an ajax post. */
  record Forged(HttpResponse<String> full, HttpResponse<String> partial) {}

  private static Forged forgedPosts(
      Session session, String path, Map<String, String> form, String formId) throws Exception {
    HttpResponse<String> full = session.post(path, form, Map.of());
    Map<String, String> ajax = new LinkedHashMap<>(form);
    // The pressed button is the one field named after itself (besides the form's own).
    String button =
        form.keySet().stream()
            .filter(k -> k.startsWith(formId + ":") && form.get(k).equals(k))
            .findFirst()
            .orElseThrow();
    ajax.put("jakarta.faces.partial.ajax", "true");
    ajax.put("jakarta.faces.source", button);
    ajax.put("jakarta.faces.partial.execute", "@all");
    ajax.put("jakarta.faces.partial.render", formId);
    HttpResponse<String> partial =
        session.post(path, ajax, Map.of("Faces-Request", "partial/ajax"));
    System.out.println(
        "VIEWSTATE bogus "
            + path
            + ": full post -> "
            + full.statusCode()
            + " "
            + full.headers().firstValue("Location").orElse("")
            + ", ajax -> "
            + partial.statusCode()
            + " "
            + partial.body().substring(0, Math.min(200, partial.body().length())));
    return new Forged(full, partial);
  }

  private static void assertSentToTheExpiredPage(Forged answers, String expired) {
    HttpResponse<String> full = answers.full();
    HttpResponse<String> partial = answers.partial();
    assertTrue(
        full.statusCode() == 302 || full.statusCode() == 303,
        "a full post is redirected: " + full.statusCode() + " " + full.body());
    assertTrue(
        full.headers().firstValue("Location").orElse("").endsWith(expired),
        "to the expired-page: " + full.headers().map());
    assertEquals(200, partial.statusCode(), partial.body());
    assertTrue(
        partial.body().contains("<redirect") && partial.body().contains(expired),
        "the ajax post is redirected: " + partial.body());
  }

  private static String offer(Person seller, String title, String description) {
    String body =
        "{\"title\":"
            + jakarta.json.Json.createValue(title)
            + ",\"description\":"
            + jakarta.json.Json.createValue(description)
            + ",\"price\":\"300.00\",\"paymentWindow\":\"PT1H\"}";
    Api.Reply created = seller.api().post("/api/v1/me/offers", body);
    assertEquals(201, created.status(), created.body());
    assertTrue(created.body().contains("\\u003cscript") || created.body().contains("<script"));
    return created.json().getString("id");
  }

  /** A browser-like session over plain HTTP: cookies kept, redirects not followed. */
  static final class Session {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
              .header("Accept", "text/html")
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers)
        throws Exception {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "text/html")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}

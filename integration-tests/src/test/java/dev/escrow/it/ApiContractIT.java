package dev.escrow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.escrow.it.support.Api;
import dev.escrow.it.support.EarDeployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md cannot drift from the server: every operation the running server's {@code /openapi}
 * lists has its {@code ### METHOD /path} heading in the document, and every such heading is an
 * operation the server has.
 */
class ApiContractIT extends EarDeployment {

  private static final Pattern HEADING =
      Pattern.compile("^### (GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (/\\S*)\\s*$");
  private static final Set<String> METHODS =
      Set.of("get", "post", "put", "delete", "patch", "head", "options");

  @Test
  void everyOperationOfTheServerIsDocumentedInApiMdAndNothingElseIs() throws IOException {
    Set<String> served = servedOperations();
    Set<String> documented = documentedOperations();
    // Both sides must be real lists: an empty document or an empty /openapi proves nothing.
    assertTrue(served.size() > 50, "/openapi lists only " + served);
    assertTrue(documented.size() > 50, "docs/api.md documents only " + documented);

    Set<String> undocumented = new TreeSet<>(served);
    undocumented.removeAll(documented);
    Set<String> notServed = new TreeSet<>(documented);
    notServed.removeAll(served);
    System.out.printf(
        "API contract: %d operations served, %d documented%n", served.size(), documented.size());
    if (!undocumented.isEmpty() || !notServed.isEmpty()) {
      fail(
          "docs/api.md and /openapi disagree.\n  In /openapi but not in docs/api.md (add a '### "
              + "METHOD /path' section): "
              + undocumented
              + "\n  In docs/api.md but not in /openapi (no such operation): "
              + notServed);
    }
  }

  private static Set<String> servedOperations() {
    Api.Reply document = Api.anonymous().get("/openapi?format=JSON");
    assertEquals(200, document.status(), document.body());
    Set<String> operations = new TreeSet<>();
    for (var path : document.json().getJsonObject("paths").entrySet()) {
      for (String method : path.getValue().asJsonObject().keySet()) {
        if (METHODS.contains(method)) {
          operations.add(normalize(method.toUpperCase(), path.getKey()));
        }
      }
    }
    return operations;
  }

  private static Set<String> documentedOperations() throws IOException {
    Path doc = Path.of(System.getProperty("docs.dir", "../docs"), "api.md");
    Set<String> operations = new TreeSet<>();
    List<String> twice = new ArrayList<>();
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches() && !operations.add(normalize(heading.group(1), heading.group(2)))) {
        twice.add(line);
      }
    }
    assertTrue(twice.isEmpty(), doc + " documents an operation twice: " + twice);
    return operations;
  }

  /** Path parameters are compared by position, not by name: {id} and {dealId} are the same. */
  private static String normalize(String method, String path) {
    return method + " " + path.replaceAll("\\{[^}]+}", "{}");
  }
}

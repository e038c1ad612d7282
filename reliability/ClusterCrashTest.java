import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two-node crash test's driver (compiled and run by {@code reliability/cluster-crash-test.sh}
 * with {@link CrashTest} and the shared {@code tools/driver}): two copies of the provisioned server
 * on one PostgreSQL database behind the balancer (reliability/balancer.sh), started at the same
 * moment on the empty database; concurrent clients pay deals through the balancer while one node
 * and then the other is killed with SIGKILL and restarted (the other carries on); then the money is
 * checked as the single-node test checks it, plus what a cluster adds: no two runs of one job
 * overlapped (JBeret's shared tables), the sweep still runs, both nodes see one job history,
 * nothing is stranded (no transfer still ACCEPTED or callback overdue past its re-drive, no dead
 * letter on either node), the sign-in throttle counts across the nodes by the address the balancer
 * forwards, and a page session whose node is killed goes on on the other node after a new sign-in
 * (sticky sessions with failover). Prints {@code SUMMARY nodes=2 kills=N payments=N discrepancies=N
 * seconds=N} last and exits 1 on any discrepancy.
 */
public class ClusterCrashTest extends CrashTest {

  static final String BANK_API_KEY = "cluster-test-bank-api-key";
  static final String CALLBACK_SECRET = "cluster-test-callback-secret";

  final class Node {
    final String name;
    final int offset;
    final Path home;
    final Path log;
    final Driver direct;
    volatile long pid = -1;

    Node(String name, int offset, Path home) {
      this.name = name;
      this.offset = offset;
      this.home = home;
      this.log = home.resolve("standalone/log/crash-console.log");
      this.direct = new Driver("http://127.0.0.1:" + (8080 + offset), Duration.ofSeconds(30));
    }

    void start() throws Exception {
      pid =
          new Server(home, offset)
              .start(environment(), log, this::ready, "-Djboss.node.name=" + name);
    }

    /** Answers as the admin and the operator, and says it is ready (what the balancer checks). */
    boolean ready() {
      try {
        return direct.get("/api/v1/me", "admin", ADMIN_PASSWORD).status() == 200
            && direct.get("/bank/api/v1/backoffice/audit", "operator", OPERATOR_PASSWORD).status()
                == 200
            && new Driver("http://127.0.0.1:" + (9990 + offset), Duration.ofSeconds(10))
                    .get("/health/ready", null, null)
                    .status()
                == 200;
      } catch (IOException e) {
        return false;
      }
    }

    void kill() throws Exception {
      long p = pid;
      new ProcessBuilder("kill", "-9", Long.toString(p)).inheritIO().start().waitFor();
      ProcessHandle.of(p).ifPresent(h -> h.onExit().join());
    }
  }

  final List<Node> nodes = new ArrayList<>();
  Node lastVictim;

  /** The admin's page session through the balancer, made before the first kill. */
  PageSession pages;

  int throttleProblems;
  int sessionProblems = -1; // not tried yet: counted as a problem
  final int balancerPort;

  ClusterCrashTest() {
    balancerPort = Integer.parseInt(env("BALANCER_PORT", "8399"));
    String[] names = env("CLUSTER_NODES", "node-a,node-b").split(",");
    String[] offsets = env("NODE_OFFSETS", "340,360").split(",");
    for (int i = 0; i < names.length; i++) {
      nodes.add(
          new Node(
              names[i],
              Integer.parseInt(offsets[i]),
              Path.of(env("NODES_DIR", "reliability/target/cluster")).resolve(names[i])));
    }
  }

  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DB_KIND", "postgresql");
    env.put("POSTGRESQL_DATABASE", database);
    env.put("MARKETPLACE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("BANK_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
    // What every node must agree on comes from the configuration (README, "Cluster").
    env.put("ESCROW_CLUSTER", "true");
    env.put("CLUSTER_NODES", env("CLUSTER_NODES", "node-a,node-b"));
    env.put("BANK_API_KEY", BANK_API_KEY);
    env.put("MARKETPLACE_BANK_API_KEY", BANK_API_KEY);
    env.put("BANK_CALLBACK_SECRET", CALLBACK_SECRET);
    env.put("MARKETPLACE_BANK_CALLBACK_SECRET", CALLBACK_SECRET);
    env.put("BANK_CALLBACK_URL", "http://127.0.0.1:" + balancerPort + "/api/v1/bank-callbacks");
    env.put("TRUSTED_PROXIES", "127.0.0.1");
    // Two nodes' pools within PostgreSQL's default 100 connections: 2 x (15 + 15 + 4).
    env.put("MARKETPLACE_DB_POOL_MAX", env("MARKETPLACE_DB_POOL_MAX", "15"));
    env.put("BANK_DB_POOL_MAX", env("BANK_DB_POOL_MAX", "15"));
    env.put("JOBS_DB_POOL_MAX", env("JOBS_DB_POOL_MAX", "4"));
    env.put("TIMER_REFRESH_MS", "10000");
    env.put("DEMO_MODE", "true");
    env.put("BANK_DEMO_ACCOUNTS_PER_CUSTOMER", "1");
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", "1"); // nobody listens: demo mode keeps the codes in the outbox
    return env;
  }

  public static void main(String[] args) throws Exception {
    ClusterCrashTest test = new ClusterCrashTest();
    Runtime.getRuntime().addShutdownHook(new Thread(test::stopServer));
    int discrepancies;
    try {
      discrepancies = test.run();
    } finally {
      test.stopServer();
    }
    System.exit(discrepancies == 0 ? 0 : 1);
  }

  /** Both nodes at the same moment on the empty database (the bootstraps' race), then ready. */
  @Override
  void startServer() throws Exception {
    say("starting " + nodes.size() + " nodes at once behind the balancer on :" + balancerPort);
    List<CompletableFuture<Void>> starting = new ArrayList<>();
    for (Node node : nodes) {
      starting.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  node.start();
                } catch (Exception e) {
                  throw new IllegalStateException(node.name + " did not start: " + e, e);
                }
              }));
    }
    for (CompletableFuture<Void> f : starting) {
      f.join();
    }
    while (!ready()) {
      Driver.sleep(500); // the balancer's health checks see them
    }
    up = true;
    say("all nodes ready: " + safeSql(DATA_STORES));
  }

  static final String DATA_STORES =
      "SELECT (SELECT count(*) FROM jobs.jboss_ejb_timer) || ' persistent timers in the shared store, '"
          + " || (SELECT count(*) FROM marketplace.app_user WHERE login = 'admin') || ' admin, '"
          + " || (SELECT count(*) FROM bank.operator) || ' operator, '"
          + " || (SELECT count(*) FROM bank.api_client) || ' bank partner'";

  /** One node goes down (the others carry the load) and comes back. */
  @Override
  void killAndRestart() {
    // Each node in turn; one kill (the second) aimed at the node running a job, when one is
    // caught running, and the next at another node again.
    Node victim = nodes.get((nodes.indexOf(lastVictim) + 1) % nodes.size());
    if (killed.get() == 0 && pages != null && pages.node() != null) {
      victim = pages.node(); // the first kill takes the node the page session sticks to
    }
    if (killed.get() == 1) {
      victim = whileAJobRuns(victim);
    }
    lastVictim = victim;
    try {
      say(
          "kill -9 #"
              + (killed.get() + 1)
              + " of "
              + victim.name
              + " (pid "
              + victim.pid
              + ") after "
              + confirmed.get()
              + " confirmations; the others carry on");
      Instant t = Instant.now();
      victim.kill();
      killed.incrementAndGet();
      say("  at the kill: " + sql(WINDOWS));
      say("  running jobs: " + safeSql(RUNNING_JOBS));
      if (killed.get() == 1 && pages != null) {
        sessionProblems = pages.failOver(victim);
      }
      // A while down: the others find a job it ran dead at their next start of that job.
      Driver.sleep(Long.parseLong(env("DOWNTIME_MS", "5000")));
      victim.start();
      say(
          "  "
              + victim.name
              + " restarted in "
              + Duration.between(t, Instant.now()).toSeconds()
              + " s");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * For one kill: waits (up to 75 s) until a job runs and picks the node that runs it, so that a
   * STARTED execution is left behind for the other node to recover.
   */
  Node whileAJobRuns(Node fallback) {
    Instant deadline = Instant.now().plusSeconds(75);
    while (Instant.now().isBefore(deadline)) {
      String holder =
          safeSql(
              "SELECT coalesce(max(l.node), '') FROM jobs.job_lease l JOIN jobs.job_execution e"
                  + " ON e.jobexecutionid = l.execution_id WHERE e.batchstatus IN ('STARTING','STARTED')");
      for (Node node : nodes) {
        if (node.name.equals(holder)) {
          say("  caught a running job on " + holder + ": killing it there");
          return node;
        }
      }
      Driver.sleep(20);
    }
    say("  no job caught running; killing " + fallback.name);
    return fallback;
  }

  @Override
  void setUp() throws Exception {
    super.setUp();
    throttleProblems = throttleIsShared();
    pages = new PageSession();
    pages.signIn();
    say("  page session of the admin through the balancer, on " + pages.node().name);
  }

  /**
   * Failed sign-ins for one login from one client address, made half on each node (the direct peer
   * 127.0.0.1 is the trusted balancer, so the node reads the client from X-Forwarded-For): the next
   * try is refused (429) on either node, while the same login from another address is still only
   * refused its wrong password (401).
   */
  int throttleIsShared() throws IOException {
    String login = "throttle-probe";
    Map<String, String> guesser = Map.of("X-Forwarded-For", "203.0.113.7");
    int problems = 0;
    for (int i = 0; i < 10; i++) {
      Node node = nodes.get(i % nodes.size());
      int status =
          node.direct.send("GET", "/api/v1/me", login, "wrong-" + i, null, null, guesser).status();
      problems += status == 401 ? 0 : 1;
    }
    for (Node node : nodes) {
      int status =
          node.direct.send("GET", "/api/v1/me", login, "wrong", null, null, guesser).status();
      problems += status == 429 ? 0 : 1;
    }
    int other =
        nodes
            .get(0)
            .direct
            .send(
                "GET",
                "/api/v1/me",
                login,
                "wrong",
                null,
                null,
                Map.of("X-Forwarded-For", "203.0.113.8"))
            .status();
    problems += other == 401 ? 0 : 1;
    say(
        "  sign-in throttle: 10 failures made half on each node, then 429 on every node, 401 from"
            + " another address: "
            + (problems == 0 ? "as expected" : problems + " answer(s) not as expected"));
    return problems;
  }

  /**
   * A browser's session through the balancer (its cookies: JSESSIONID and the balancer's
   * ESCROW_NODE), on the admin's start page.
   */
  final class PageSession {
    final CookieManager cookies = new CookieManager();
    final HttpClient browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    final String base = "http://127.0.0.1:" + balancerPort;

    HttpResponse<String> page(String path) throws IOException {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
      try {
        return browser.send(
            request.timeout(Duration.ofSeconds(30)).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }

    static boolean isLoginForm(HttpResponse<String> r) {
      return r.statusCode() == 200 && r.body().contains("j_security_check");
    }

    static boolean isStartPage(HttpResponse<String> r) {
      return r.statusCode() == 200
          && !r.body().contains("j_security_check")
          && r.body().contains("navModeration");
    }

    /** The form sign-in: the protected page answers the login form, the form posts, back to it. */
    void signIn() throws IOException {
      HttpResponse<String> form = page("/admin/index.xhtml");
      if (!isLoginForm(form)) {
        throw new IOException("no login form: " + form.statusCode());
      }
      String body =
          "j_username=admin&j_password="
              + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
      HttpResponse<String> signedIn =
          send(
              HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      if (!isStartPage(signedIn)) {
        throw new IOException("sign-in did not reach the start page: " + signedIn.statusCode());
      }
    }

    /** The node the balancer's cookie names (node1, node2, ... in the order of the nodes). */
    Node node() {
      for (HttpCookie c : cookies.getCookieStore().get(URI.create(base))) {
        if (c.getName().equals("ESCROW_NODE") && c.getValue().startsWith("node")) {
          int i = Integer.parseInt(c.getValue().substring(4)) - 1;
          return i >= 0 && i < nodes.size() ? nodes.get(i) : null;
        }
      }
      return null;
    }

    /**
     * Right after its node was killed: the next page goes to another node, which asks for a new
     * sign-in (sessions are not replicated), and after it the pages work there. Returns the number
     * of steps that did not go so.
     */
    int failOver(Node killed) {
      List<String> wrong = new ArrayList<>();
      try {
        HttpResponse<String> next = page("/admin/index.xhtml");
        if (!isLoginForm(next)) {
          wrong.add("the next page was not the login form (" + describe(next) + ")");
        }
        signIn();
        Node now = node();
        if (now == null || now == killed) {
          wrong.add("the balancer's cookie names " + (now == null ? "no node" : now.name));
        }
        HttpResponse<String> another = page("/admin/jobs.xhtml");
        if (!isStartPage(another)) {
          wrong.add("the next page after the sign-in was not shown (" + describe(another) + ")");
        }
        say(
            "  page session: after the kill of "
                + killed.name
                + " the next page asked to sign in again, then went on on "
                + (now == null ? "?" : now.name)
                + (wrong.isEmpty() ? "" : "; not as expected: " + String.join("; ", wrong)));
      } catch (IOException e) {
        wrong.add(e.getMessage());
        say("  page session after the kill of " + killed.name + ": " + e.getMessage());
      }
      if (!wrong.isEmpty()) {
        balancerErrors().forEach(line -> say("    balancer: " + line));
      }
      return wrong.size();
    }

    /** The balancer's log lines (reliability/balancer.sh -d) of requests it answered with 5xx. */
    List<String> balancerErrors() {
      Path log = Path.of("reliability/target/haproxy-" + balancerPort + ".log");
      try (var lines = Files.lines(log)) {
        return lines.filter(l -> l.matches(".*\\] escrow \\S+ \\S+ 5\\d\\d .*")).toList();
      } catch (IOException | UncheckedIOException e) {
        return List.of("(no log: " + e.getMessage() + ")");
      }
    }

    static String describe(HttpResponse<String> r) {
      String body = r.body();
      return r.statusCode()
          + " "
          + r.uri()
          + " "
          + body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " ");
    }
  }

  String safeSql(String query) {
    try {
      return sql(query);
    } catch (RuntimeException e) {
      return "(" + e.getMessage() + ")";
    }
  }

  static final String RUNNING_JOBS =
      "SELECT coalesce(string_agg(i.jobname || ' #' || e.jobexecutionid || ' ' || e.batchstatus, ', '), 'none')"
          + " FROM jobs.job_execution e JOIN jobs.job_instance i ON i.jobinstanceid = e.jobinstanceid"
          + " WHERE e.batchstatus IN ('STARTING','STARTED')";

  @Override
  void stopServer() {
    for (Node node : nodes) {
      long pid = node.pid;
      if (pid <= 0) {
        // A node that never got ready: its launcher wrote the pid all the same.
        try {
          pid = Long.parseLong(Files.readString(node.home.resolve("server.pid")).strip());
        } catch (IOException | RuntimeException none) {
          continue;
        }
      }
      Server.stop(pid);
    }
  }

  @Override
  boolean ready() {
    try {
      return driver.get("/api/v1/me", "admin", ADMIN_PASSWORD).status() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  int check() throws IOException {
    int found = super.check();
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put(
        "runs of one job that overlapped (one node at a time: JBeret's shared history)",
        "SELECT count(*) FROM jobs.job_execution a JOIN jobs.job_instance ia ON ia.jobinstanceid = a.jobinstanceid"
            + " JOIN jobs.job_execution b ON b.jobexecutionid > a.jobexecutionid"
            + " JOIN jobs.job_instance ib ON ib.jobinstanceid = b.jobinstanceid AND ib.jobname = ia.jobname"
            + " WHERE b.createtime < coalesce(a.endtime, 'infinity'::timestamptz)");
    checks.put(
        "jobs that stopped running cluster-wide (no refund-sweep in the last 150 s, or none COMPLETED)",
        "SELECT CASE WHEN (SELECT max(e.createtime) FROM jobs.job_execution e JOIN jobs.job_instance i"
            + " ON i.jobinstanceid = e.jobinstanceid WHERE i.jobname = 'refund-sweep') > now() - interval '150 seconds'"
            + " AND (SELECT count(*) FROM jobs.job_execution e JOIN jobs.job_instance i ON i.jobinstanceid = e.jobinstanceid"
            + " WHERE i.jobname = 'fee-refresh' AND e.batchstatus = 'COMPLETED') > 0 THEN 0 ELSE 1 END");
    // A run a dead node left is closed when a node next starts that job (the sweep: within a
    // minute); give the last kill's that time.
    Instant deadline = Instant.now().plusSeconds(150);
    while (!"0".equals(safeSql(ORPHANED_RUNS)) && Instant.now().isBefore(deadline)) {
      Driver.sleep(2000);
    }
    checks.put("job runs still STARTED that no live node runs (never recovered)", ORPHANED_RUNS);
    checks.put(
        "stranded transfers (ACCEPTED for more than 3 minutes: past the re-drive)",
        "SELECT count(*) FROM bank.transfer WHERE status = 'ACCEPTED' AND accepted_at < now() - interval '3 minutes'");
    checks.put(
        "stranded callbacks (PENDING and overdue by more than a minute: past the re-drive)",
        "SELECT count(*) FROM bank.partner_callback WHERE state = 'PENDING' AND next_attempt_at < now() - interval '1 minute'");
    for (Map.Entry<String, String> c : checks.entrySet()) {
      int n;
      try {
        n = Integer.parseInt(sql(c.getValue()));
      } catch (RuntimeException e) {
        say("check failed to run: " + c.getKey() + ": " + e.getMessage());
        n = 1;
      }
      report(c.getKey(), n);
      found += n;
    }
    int deadLetters = 0;
    List<TreeSet<Long>> histories = new ArrayList<>();
    for (Node node : nodes) {
      Reply dlq = node.direct.get("/api/v1/admin/dead-letters", "admin", ADMIN_PASSWORD);
      int n = dlq.status() == 200 ? count(dlq.body(), "\"messageId\"") : 1;
      deadLetters += n;
      TreeSet<Long> ids = new TreeSet<>();
      Reply jobs = node.direct.get("/api/v1/admin/jobs", "admin", ADMIN_PASSWORD);
      Matcher m = Pattern.compile("\"executionId\"\\s*:\\s*\"?(\\d+)").matcher(jobs.body());
      while (m.find()) {
        ids.add(Long.parseLong(m.group(1)));
      }
      histories.add(ids);
    }
    report("dead letters (the shared list, read on each node)", deadLetters);
    report("sign-in throttle answers that show per-node counting", throttleProblems);
    found += throttleProblems;
    report(
        "page-session steps that did not fail over to the other node (-1: not tried)",
        sessionProblems);
    found += Math.abs(sessionProblems);
    found += deadLetters;
    // One history: each node lists the same executions (in the range all lists cover).
    long low =
        histories.stream().mapToLong(h -> h.isEmpty() ? Long.MAX_VALUE : h.first()).max().orElse(0);
    long high = histories.stream().mapToLong(h -> h.isEmpty() ? 0 : h.last()).min().orElse(0);
    int differ = 0;
    TreeSet<Long> first = new TreeSet<>(histories.get(0).subSet(low, true, high, true));
    for (TreeSet<Long> h : histories) {
      if (h.isEmpty() || !first.equals(new TreeSet<>(h.subSet(low, true, high, true)))) {
        differ++;
      }
    }
    report(
        "nodes whose job history differs from the first's (ids " + low + ".." + high + ")", differ);
    found += differ;
    say(
        "job runs by node: "
            + safeSql(
                "SELECT string_agg(x, ', ') FROM (SELECT jobname || '@' || node || '=' || count(*)"
                    + " || ' (' || count(*) FILTER (WHERE recovered) || ' left by a dead node and closed)' x"
                    + " FROM (SELECT i.jobname, coalesce(substring(e.jobparameters from 'node\\W*([A-Za-z0-9_.-]+)'), '?') node,"
                    + " coalesce(e.exitstatus LIKE 'FAILED: node%', false) recovered"
                    + " FROM jobs.job_execution e JOIN jobs.job_instance i ON i.jobinstanceid = e.jobinstanceid) r"
                    + " GROUP BY jobname, node ORDER BY 1) s"));
    say(
        "persistent timers: "
            + safeSql(
                "SELECT string_agg(timed_object_id || ' ' || timer_state, ', ') FROM jobs.jboss_ejb_timer"));
    return found;
  }

  static final String ORPHANED_RUNS =
      "SELECT count(*) FROM jobs.job_execution e WHERE e.batchstatus IN ('STARTING','STARTED')"
          + " AND NOT EXISTS (SELECT 1 FROM jobs.job_lease l JOIN pg_locks k ON k.locktype = 'advisory'"
          + " AND k.granted AND k.classid = 1163084626 AND k.objsubid = 2 AND k.objid = hashtext(l.node)::oid"
          + " WHERE l.execution_id = e.jobexecutionid)";

  @Override
  String summary(int found, Duration took) {
    return "SUMMARY nodes="
        + nodes.size()
        + " kills="
        + killed.get()
        + " payments="
        + accepted.size()
        + " discrepancies="
        + found
        + " seconds="
        + took.toSeconds();
  }
}

package dev.escrow.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marketplace reaches the bank through this TCP proxy for the whole suite: failsafe sets {@code
 * MARKETPLACE_BANK_URL} to {@code http://127.0.0.1:${bank.proxy.port}/bank/api/v1}. It forwards to
 * the server's HTTP port; a test can take the bank away (every connection is cut and every new
 * request dropped), or away except for requests whose path contains a given fragment, and bring it
 * back. Started once per test JVM, before the first test class starts the server.
 *
 * <p>The bank's callbacks reach the marketplace through a second one ({@link #callbacks()}, {@code
 * BANK_CALLBACK_URL} on {@code ${callback.proxy.port}}), which also keeps what passed through it: a
 * test can take the marketplace away from the bank, and read (or replay) the callbacks the bank
 * sent and see the marketplace's answers.
 */
public final class BankProxy {

  private static final Pattern REQUEST_LINE =
      Pattern.compile("(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (\\S+) HTTP/1\\.[01]\r\n");
  private static final Pattern H2C_UPGRADE =
      Pattern.compile("\r\nupgrade: *h2c", Pattern.CASE_INSENSITIVE);
  private static BankProxy shared;
  private static BankProxy callbacks;

  private final int port;
  private final int target;
  private final boolean keeps;
  private final Queue<Conversation> kept = new ConcurrentLinkedQueue<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean away;
  private volatile String allowedWhileAway;
  private volatile String blocked;
  private volatile String answersLost;
  private volatile int dropped;
  private volatile int lostAnswers;
  private final Queue<String> requestLines = new ConcurrentLinkedQueue<>();

  private BankProxy(int port, int target, boolean keeps) {
    this.port = port;
    this.target = target;
    this.keeps = keeps;
  }

  /** One connection's bytes, each way. */
  private static final class Conversation {
    final ByteArrayOutputStream requests = new ByteArrayOutputStream();
    final ByteArrayOutputStream answers = new ByteArrayOutputStream();

    synchronized void add(boolean request, byte[] bytes, int n) {
      (request ? requests : answers).write(bytes, 0, n);
    }

    synchronized String text(boolean request) {
      return (request ? requests : answers).toString(StandardCharsets.UTF_8);
    }
  }

  /** A request that passed through the proxy (header names in lower case). */
  public record Captured(String method, String path, Map<String, String> headers, String body) {}

  /** The suite's proxy (started on first use). */
  public static synchronized BankProxy shared() {
    if (shared == null) {
      int http = Integer.getInteger("http.port", 8080);
      int port = Integer.getInteger("bank.proxy.port", Integer.parseInt("1" + http));
      shared = new BankProxy(port, http, false);
      shared.start();
    }
    return shared;
  }

  /** The proxy between the bank's callbacks and the marketplace (started on first use). */
  public static synchronized BankProxy callbacks() {
    if (callbacks == null) {
      int http = Integer.getInteger("http.port", 8080);
      int port = Integer.getInteger("callback.proxy.port", Integer.parseInt("2" + http));
      callbacks = new BankProxy(port, http, true);
      callbacks.start();
    }
    return callbacks;
  }

  /** The requests that passed through so far, in the order of their connections. */
  public List<Captured> requests() {
    List<Captured> all = new ArrayList<>();
    for (Conversation conversation : kept) {
      all.addAll(parse(conversation.text(true)));
    }
    return all;
  }

  /** Everything the far side answered so far, as text. */
  public String answers() {
    StringBuilder all = new StringBuilder();
    for (Conversation conversation : kept) {
      all.append(conversation.text(false)).append('\n');
    }
    return all.toString();
  }

  private static List<Captured> parse(String stream) {
    List<Captured> requests = new ArrayList<>();
    int at = 0;
    while (true) {
      int end = stream.indexOf("\r\n\r\n", at);
      if (end < 0) {
        return requests;
      }
      String[] lines = stream.substring(at, end).split("\r\n");
      String[] requestLine = lines[0].split(" ");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).strip());
        }
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      int bodyEnd = Math.min(stream.length(), end + 4 + length);
      requests.add(
          new Captured(
              requestLine[0],
              requestLine.length > 1 ? requestLine[1] : "",
              headers,
              stream.substring(end + 4, bodyEnd)));
      at = bodyEnd;
    }
  }

  /** The bank cannot be reached: open connections are cut, new requests dropped. */
  public void away() {
    awayExcept(null);
  }

  /**
   * As {@link #away()}, but requests whose request line (method, path, version) contains {@code
   * pathFragment} still pass: {@code "/verification"}, or {@code "POST /bank/"} for every POST.
   */
  public void awayExcept(String pathFragment) {
    allowedWhileAway = pathFragment;
    away = true;
    for (Socket socket : open) {
      close(socket);
    }
  }

  public void back() {
    away = false;
    allowedWhileAway = null;
    blocked = null;
    answersLost = null;
  }

  /**
   * The requests whose request line contains {@code pathFragment} reach the bank, but their answers
   * never come back: the connection is cut when the bank answers (what a crash of the caller, or a
   * network failure, does to an answer). {@link #back()} ends it.
   */
  public void loseAnswers(String pathFragment) {
    answersLost = pathFragment;
  }

  /**
   * Only the requests whose request line contains {@code pathFragment} are dropped (as if the bank
   * were away for them): {@code "/settlement"} keeps every payout waiting. {@link #back()} ends it.
   */
  public void block(String pathFragment) {
    blocked = pathFragment;
  }

  /**
   * The request lines (method and path) that passed so far, in order: how many HTTP requests the
   * marketplace sent the bank (the round trips of a payment).
   */
  public List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  /** Forgets the request lines seen so far. */
  public void forgetRequestLines() {
    requestLines.clear();
  }

  /** Answers the bank gave that {@link #loseAnswers} kept from the caller. */
  public int lostAnswers() {
    return lostAnswers;
  }

  /** Requests dropped while away (to show the marketplace did try). */
  public int dropped() {
    return dropped;
  }

  private void start() {
    ServerSocket server;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IllegalStateException("The proxy cannot listen on port " + port, e);
    }
    Thread acceptor =
        new Thread(
            () -> {
              while (true) {
                try {
                  Socket client = server.accept();
                  daemon(() -> serve(client));
                } catch (IOException e) {
                  return;
                }
              }
            },
            "bank-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void serve(Socket client) {
    if (away && allowedWhileAway == null) {
      dropped++;
      close(client);
      return;
    }
    Socket bank;
    try {
      bank = new Socket(InetAddress.getLoopbackAddress(), target);
    } catch (IOException e) {
      close(client);
      return;
    }
    open.add(client);
    open.add(bank);
    Conversation conversation = keeps ? new Conversation() : null;
    if (conversation != null) {
      kept.add(conversation);
    }
    AtomicBoolean loseAnswer = new AtomicBoolean();
    daemon(() -> pump(bank, client, false, conversation, loseAnswer));
    pump(client, bank, true, conversation, loseAnswer);
  }

  private void pump(
      Socket from,
      Socket to,
      boolean requests,
      Conversation conversation,
      AtomicBoolean loseAnswer) {
    byte[] buffer = new byte[16384];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (!requests) {
          if (loseAnswer.get()) {
            lostAnswers++;
            break;
          }
          out.write(buffer, 0, n);
          out.flush();
          if (conversation != null) {
            conversation.add(false, buffer, n);
          }
          continue;
        }
        String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        if ((away && !allowed(chunk)) || isBlocked(chunk)) {
          dropped++;
          break;
        }
        if (conversation != null) {
          conversation.add(true, buffer, n);
        }
        Matcher line = REQUEST_LINE.matcher(chunk);
        String lost = answersLost;
        while (line.find()) {
          requestLines.add(line.group(1) + " " + line.group(2));
          if (lost != null && line.group(0).contains(lost)) {
            loseAnswer.set(true);
          }
        }
        // Keep every connection HTTP/1.1 (Java's client asks for an h2c upgrade), so that each
        // request line can be seen and the bank taken away request by request.
        out.write(
            H2C_UPGRADE
                .matcher(chunk)
                .replaceAll("\r\nX-Upgrade-Refused: h2c")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: close the other
    } finally {
      close(from);
      close(to);
    }
  }

  private boolean isBlocked(String chunk) {
    String fragment = blocked;
    if (fragment == null) {
      return false;
    }
    Matcher m = REQUEST_LINE.matcher(chunk);
    while (m.find()) {
      if (m.group(0).contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  /** While away: only a chunk whose request lines all name the allowed path passes. */
  private boolean allowed(String chunk) {
    String fragment = allowedWhileAway;
    if (fragment == null) {
      return false;
    }
    Matcher m = REQUEST_LINE.matcher(chunk);
    while (m.find()) {
      if (!m.group(0).contains(fragment)) {
        return false;
      }
    }
    return true;
  }

  private static void daemon(Runnable work) {
    Thread thread = new Thread(work, "bank-proxy-connection");
    thread.setDaemon(true);
    thread.start();
  }

  private void close(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // closed already
    }
  }
}

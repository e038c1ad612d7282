package dev.escrow.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marketplace reaches the bank through this TCP proxy for the whole suite: failsafe sets {@code
 * MARKETPLACE_BANK_URL} to {@code http://127.0.0.1:${bank.proxy.port}/bank/api/v1}. It forwards to
 * the server's HTTP port; a test can take the bank away (every connection is cut and every new
 * request dropped), or away except for requests whose path contains a given fragment, and bring it
 * back. Started once per test JVM, before the first test class starts the server.
 */
public final class BankProxy {

  private static final Pattern REQUEST_LINE =
      Pattern.compile("(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (\\S+) HTTP/1\\.[01]\r\n");
  private static final Pattern H2C_UPGRADE =
      Pattern.compile("\r\nupgrade: *h2c", Pattern.CASE_INSENSITIVE);
  private static BankProxy shared;

  private final int port;
  private final int target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean away;
  private volatile String allowedWhileAway;
  private volatile int dropped;

  private BankProxy(int port, int target) {
    this.port = port;
    this.target = target;
  }

  /** The suite's proxy (started on first use). */
  public static synchronized BankProxy shared() {
    if (shared == null) {
      int http = Integer.getInteger("http.port", 8080);
      int port = Integer.getInteger("bank.proxy.port", Integer.parseInt("1" + http));
      shared = new BankProxy(port, http);
      shared.start();
    }
    return shared;
  }

  /** The bank cannot be reached: open connections are cut, new requests dropped. */
  public void away() {
    awayExcept(null);
  }

  /** As {@link #away()}, but requests whose path contains {@code pathFragment} still pass. */
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
      throw new IllegalStateException("The bank proxy cannot listen on port " + port, e);
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
    daemon(() -> pump(bank, client, false));
    pump(client, bank, true);
  }

  private void pump(Socket from, Socket to, boolean requests) {
    byte[] buffer = new byte[16384];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (!requests) {
          out.write(buffer, 0, n);
          out.flush();
          continue;
        }
        String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        if (away && !allowed(chunk)) {
          dropped++;
          break;
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

  /** While away: only a chunk whose request lines all name the allowed path passes. */
  private boolean allowed(String chunk) {
    String fragment = allowedWhileAway;
    if (fragment == null) {
      return false;
    }
    Matcher m = REQUEST_LINE.matcher(chunk);
    while (m.find()) {
      if (!m.group(2).contains(fragment)) {
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

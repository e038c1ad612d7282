import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server that accepts every mail and keeps none (RFC 5321's commands, one thread per
 * connection), for the benchmark's confirmation codes: the bank really mails each code, and the
 * driver reads it from the demo outbox. Python's smtpd, tried first, took 44 ms per mail on one
 * thread and stalled the bank's requests under load.
 */
public final class SmtpSink implements AutoCloseable {

  private final ServerSocket socket;
  private final ExecutorService sessions = Executors.newCachedThreadPool();
  private final AtomicLong mails = new AtomicLong();

  public SmtpSink(int port) throws IOException {
    socket = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public long mails() {
    return mails.get();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        sessions.execute(() -> session(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void session(Socket client) {
    try (client) {
      client.setTcpNoDelay(true);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      reply(out, "220 sink ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command =
            line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 sink");
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // the mail is not kept
            }
            mails.incrementAndGet();
            reply(out, "250 OK");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 OK");
        }
      }
    } catch (IOException gone) {
      // the client left
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    sessions.shutdownNow();
  }
}

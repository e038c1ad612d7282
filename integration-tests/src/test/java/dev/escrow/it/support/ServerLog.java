package dev.escrow.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/** The managed server's {@code standalone/log/server.log}, read from a mark onwards. */
public final class ServerLog {

  private static final Path FILE =
      Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");

  private final long mark;

  private ServerLog(long mark) {
    this.mark = mark;
  }

  /** Remembers where the log ends now. */
  public static ServerLog mark() {
    return new ServerLog(FILE.toFile().length());
  }

  /** The lines written since the mark. */
  public List<String> linesSince() {
    try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
      long length = file.length();
      byte[] bytes = new byte[(int) Math.max(0, length - mark)];
      file.seek(Math.min(mark, length));
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new IllegalStateException(FILE + " cannot be read", e);
    }
  }

  /**
   * The first line since the mark of the logger {@code category} that contains {@code text}, waited
   * for up to {@code timeout} (a line is written once its transaction commits); fails without.
   */
  public String awaitLine(String category, String text, Duration timeout) {
    try {
      return Waiting.upTo(timeout, Duration.ofMillis(200))
          .until(
              () -> {
                for (String line : linesSince()) {
                  if (line.contains("[" + category + "]") && line.contains(text)) {
                    return line;
                  }
                }
                return null;
              },
              line -> line != null);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("No line of " + category + " with '" + text + "' in " + FILE);
    }
  }
}

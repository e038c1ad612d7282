import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A copy of the provisioned WildFly that a driver starts, waits for and stops: on PostgreSQL unless
 * the environment given says {@code DB_KIND}, in demo mode, with a port offset, its console
 * appended to a log file.
 */
public final class Server {

  private final Path home;
  private final int offset;

  public Server(Path home, int offset) {
    this.home = home;
    this.offset = offset;
  }

  /**
   * Starts the server with these environment variables (on top of the database kind and the
   * launcher's own) and the server's extra arguments, waits until {@code ready} says so and answers
   * the Java process's pid.
   */
  public long start(
      Map<String, String> environment, Path log, BooleanSupplier ready, String... arguments)
      throws IOException, InterruptedException {
    Path pidFile = home.resolve("server.pid");
    Files.deleteIfExists(pidFile);
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/standalone.sh").toString());
    command.add("-Djboss.socket.binding.port-offset=" + offset);
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    env.put("JBOSS_PIDFILE", pidFile.toAbsolutePath().toString());
    env.put("DB_KIND", "postgresql");
    env.putAll(environment);
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.start();
    // SERVER_START_MINUTES: a loaded machine (several servers booting at once) needs longer.
    Instant deadline =
        Instant.now()
            .plus(Duration.ofMinutes(Long.parseLong(Driver.env("SERVER_START_MINUTES", "5"))));
    while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
      check(deadline, "The server wrote no pid file; see " + log);
      Thread.sleep(100);
    }
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    while (!ready.getAsBoolean()) {
      check(deadline, "The server did not get ready; see " + log);
      Thread.sleep(500);
    }
    return pid;
  }

  /** Stops the server politely (SIGTERM), forcibly after a minute. */
  public static void stop(long pid) {
    if (pid <= 0) {
      return;
    }
    ProcessHandle.of(pid)
        .ifPresent(
            h -> {
              h.destroy();
              try {
                h.onExit().get(60, TimeUnit.SECONDS);
              } catch (Exception e) {
                h.destroyForcibly();
              }
            });
  }

  private static void check(Instant deadline, String message) {
    if (Instant.now().isAfter(deadline)) {
      throw new IllegalStateException(message);
    }
  }
}

package io.lumbar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code lumbar serve} in a JVM of its own, as an operator runs it, on this test JVM's class path
 * and with the given environment (LUMBAR_DB_URL, LUMBAR_INDEX_DIR, LUMBAR_PORT, …). Unlike {@link
 * RunningApp} it can be killed outright: {@link #kill()} sends SIGKILL, so nothing of the server's
 * own shutdown runs.
 */
public final class ServerProcess implements AutoCloseable {
  /** Exit status of a process ended by SIGKILL (128 + 9). */
  public static final int KILLED = 137;

  private final Map<String, String> env;
  private final int port;
  private final Path log;
  private final String heap;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  private ServerProcess(Map<String, String> env, int port, Path log, String heap) {
    this.env = env;
    this.port = port;
    this.log = log;
    this.heap = heap;
  }

  /**
   * Starts the server and waits until {@code /health} answers 200. {@code env} must not set
   * LUMBAR_PORT: the server gets a free port, kept across {@link #restart()}s. Its output is
   * appended to {@code log}.
   */
  public static ServerProcess start(Map<String, String> env, Path log, String maxHeap) {
    ServerProcess server = new ServerProcess(Map.copyOf(env), freePort(), log, maxHeap);
    server.launch();
    return server;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The address of {@code pathAndQuery} on this server. */
  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * SIGKILL (what {@link Process#destroyForcibly()} sends on Linux); returns the exit status,
   * {@link #KILLED}.
   */
  public int kill() {
    process.destroyForcibly();
    return waitForExit();
  }

  /** SIGTERM: the server's graceful shutdown; returns the exit status. */
  public int stop() {
    process.destroy();
    return waitForExit();
  }

  /** Starts the server again on the same port, database and index; waits until it serves. */
  public void restart() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("The server still runs; kill or stop it first");
    }
    launch();
  }

  private int waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("The server did not exit within 60 s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void launch() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx" + heap,
                "-cp",
                classPath(),
                "io.lumbar.Main",
                "serve"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // The drills time restarts and warm up their own load; the server's own warm-up would add
    // seconds to each start.
    builder.environment().put("LUMBAR_WARMUP_SECONDS", "0");
    builder.environment().putAll(env);
    builder.environment().put("LUMBAR_PORT", Integer.toString(port));
    try {
      Files.createDirectories(log.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitServing(Duration.ofMinutes(5));
  }

  /**
   * The test JVM's class path; Surefire's booter jar only points at it, so its own property wins
   * when set.
   */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  private void awaitServing(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The server exited with " + process.exitValue() + " while starting; see " + log);
      }
      try {
        HttpResponse<Void> health =
            http.send(
                HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(100);
    }
    throw new IllegalStateException(
        "The server did not answer /health within " + timeout + "; see " + log);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server gracefully if it still runs. */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}

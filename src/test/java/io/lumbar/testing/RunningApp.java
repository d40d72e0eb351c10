package io.lumbar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.config.Config;
import io.lumbar.db.Database;
import io.lumbar.server.App;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real application on a free port, over a fresh test database and a temporary index, with the
 * bundled articles imported; plus a small HTTP client to talk to it. Either {@link #start()} it, or
 * register {@link #perClass()} as a JUnit extension to share one app across a test class.
 */
public final class RunningApp
    implements AutoCloseable,
        BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback {
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestDatabase db;
  private Path indexDir;
  private App app;
  private final Map<String, String> env;
  private TcpProxy proxy;

  /** A second node on another node's database: closing it leaves the database to its owner. */
  private boolean sharesDatabase;

  /** Started before each test and closed after it, instead of once per class. */
  private boolean perTest;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningApp(Map<String, String> env) {
    this.env = env;
  }

  public static RunningApp start() {
    return start(Map.of());
  }

  /** The same, with these environment variables set. */
  public static RunningApp start(Map<String, String> env) {
    RunningApp running = new RunningApp(env);
    running.launch();
    return running;
  }

  /**
   * The same, with the app reaching its database through {@code proxy} (the test itself connects
   * directly).
   */
  public static RunningApp startThrough(TcpProxy proxy) {
    RunningApp running = new RunningApp(Map.of());
    running.proxy = proxy;
    running.launch();
    return running;
  }

  /**
   * Another node on this app's database, with its own index folder and port, as a second server
   * behind a load balancer would be. Close it before this one; closing it leaves the database.
   */
  public RunningApp anotherNode() {
    RunningApp node = new RunningApp(env);
    node.db = db;
    node.sharesDatabase = true;
    try {
      node.indexDir = Files.createTempDirectory("lumbar-index");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    node.app = App.start(node.config());
    return node;
  }

  /** Started before the class's first test and closed after its last. */
  public static RunningApp perClass() {
    return perClass(Map.of());
  }

  /**
   * Like {@link #perClass()}, with these environment variables set (e.g. {@code
   * LUMBAR_METRICS_TOKEN}).
   */
  public static RunningApp perClass(Map<String, String> env) {
    return new RunningApp(env);
  }

  /**
   * Started before each test and closed after it, for tests that stop, restart or break the app:
   * register it on an instance field with {@code @RegisterExtension}.
   */
  public static RunningApp perTest() {
    RunningApp running = new RunningApp(Map.of());
    running.perTest = true;
    return running;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest) {
      launch();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (!perTest) {
      close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perTest) {
      launch();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (perTest) {
      close();
    }
  }

  private void launch() {
    try {
      db = TestDatabase.create();
      indexDir = Files.createTempDirectory("lumbar-index");
      app = App.start(config());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The configuration this app runs with: test database, temporary index, any free port. */
  public Config config() {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putIfAbsent("LUMBAR_INDEX_REFRESH_MS", "50");
    // Each test starts its own server; warming the JIT up would cost every one of them seconds.
    all.putIfAbsent("LUMBAR_WARMUP_SECONDS", "0");
    // Lexical unless a test asks for semantic search: loading the model costs each server seconds,
    // and most tests
    // expect exact lexical rankings (semantic/ tests turn it on).
    all.putIfAbsent("LUMBAR_SEMANTIC", "off");
    return Config.fromMap(all)
        .withDatabase(
            proxy == null ? db.url() : db.urlThrough(proxy.port()), db.user(), db.password())
        .withIndexDir(indexDir)
        .withPort(0);
  }

  /** Stops the server; the database and the index folder stay for {@link #restart}. */
  public void stopServer() {
    if (app != null) {
      app.close();
      app = null;
    }
  }

  /** Starts the server again on the same database and index, as after a restart. */
  public void restart() {
    stopServer();
    app = App.start(config());
  }

  public Database database() {
    return db.database();
  }

  /** The lowest id of a published passage. */
  public long firstPublishedPassageId() {
    return database()
        .read(
            c -> {
              try (var rs =
                  c.createStatement()
                      .executeQuery("SELECT MIN(id) FROM passages WHERE status = 'published'")) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  /** The id of the passage whose text starts so (any status). */
  public long passageIdStartingWith(String start) {
    return database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement("SELECT id FROM passages WHERE text LIKE CONCAT(?, '%')")) {
                st.setString(1, start);
                try (var rs = st.executeQuery()) {
                  if (!rs.next()) {
                    throw new IllegalStateException("No passage starts with " + start);
                  }
                  return rs.getLong(1);
                }
              }
            });
  }

  /** The running application (null while stopped). */
  public App app() {
    return app;
  }

  public Path indexDir() {
    return indexDir;
  }

  public Response get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  public Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends the request line exactly as given (no client-side URL checks) and returns the status
   * code.
   */
  public int rawStatus(String pathAndQuery) {
    try (var socket = new java.net.Socket("localhost", app.port())) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String statusLine =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://localhost:" + app.port() + pathAndQuery);
  }

  /** An HTTP answer; {@link #json()} parses the body. */
  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }
  }

  @Override
  public void close() throws Exception {
    stopServer();
    if (!sharesDatabase) {
      db.close();
    }
    try (var files = Files.walk(indexDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

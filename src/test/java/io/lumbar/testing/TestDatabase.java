package io.lumbar.testing;

import io.lumbar.db.Database;
import io.lumbar.db.EmbeddedMariaDb;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;

/**
 * A fresh, empty MariaDB database for one test class, dropped afterwards. It lives on the server at
 * 127.0.0.1:3306 when one runs (override with LUMBAR_TEST_DB_HOST/PORT/USER/PASSWORD), otherwise on
 * an embedded MariaDB started once for the whole run.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String HOST = env("LUMBAR_TEST_DB_HOST", "127.0.0.1");
  private static final int PORT = Integer.parseInt(env("LUMBAR_TEST_DB_PORT", "3306"));
  private static final String USER = env("LUMBAR_TEST_DB_USER", "root");
  private static final String PASSWORD = env("LUMBAR_TEST_DB_PASSWORD", "");
  private static String serverUrl;

  private final String url;
  private final String name;
  private final Database database;

  private TestDatabase(String url, String name) {
    this.url = url;
    this.name = name;
    this.database = Database.open(url, USER, PASSWORD);
  }

  public static TestDatabase create() {
    String name = "lumbar_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return new TestDatabase(server() + name, name);
  }

  private static synchronized String server() {
    if (serverUrl == null) {
      if (answers(HOST, PORT)) {
        serverUrl = "jdbc:mariadb://" + HOST + ":" + PORT + "/";
      } else {
        EmbeddedMariaDb embedded = EmbeddedMariaDb.start(Path.of("target/test-mariadb"), 33307);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        serverUrl = "jdbc:mariadb://127.0.0.1:33307/";
      }
    }
    return serverUrl;
  }

  /** Where the test databases live, for a {@link TcpProxy} in front of them. */
  public static InetSocketAddress serverAddress() {
    java.net.URI uri = java.net.URI.create(server().substring("jdbc:".length()));
    return new InetSocketAddress(uri.getHost(), uri.getPort());
  }

  /** The URL of this database reached through a proxy on {@code port} of 127.0.0.1. */
  public String urlThrough(int port) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
  }

  public Database database() {
    return database;
  }

  public String url() {
    return url;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  @Override
  public void close() throws Exception {
    database.close();
    try (var c = DriverManager.getConnection(serverUrl + "?sslMode=disable", USER, PASSWORD);
        var st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS `" + name + "`");
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

package io.lumbar.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumbar.Main;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.LogCapture;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.TcpProxy;
import io.lumbar.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The database goes away while an export streams (a proxy between them is cut). Once the first
 * bytes are out the status cannot change, so the response is aborted: the client sees a broken
 * transfer, never a short export that ends cleanly. Before the first byte the answer is a plain
 * 503; the command line exits non-zero and leaves no file.
 */
class ExportOutageTest {
  static final int FILLER_PASSAGES = 6_000;

  /**
   * What the proxy lets through once stalled: more than the first batch of rows the driver reads
   * before the export writes anything (PassageExport's fetch size: 2,000 rows, about 2.3 MB here),
   * well short of the whole result.
   */
  static final long STALL_AFTER = 3L << 20;

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static TcpProxy proxy;
  static RunningApp app;

  @BeforeAll
  static void start() {
    proxy = TcpProxy.to(TestDatabase.serverAddress());
    app = RunningApp.startThrough(proxy);
    ExportFixture.sql(
        app.database(),
        """
        INSERT INTO articles (title, source_name, original_text, checksum, imported_by)
        VALUES ('Filler article', 'filler.txt', 'filler', SHA2('filler', 256), 'test')""");
    // Hex digests, so that a compressed export still runs to megabytes.
    ExportFixture.sql(
        app.database(),
        """
        INSERT INTO passages (article_id, position, text, original_text, fingerprint, status, created_by, updated_by)
        SELECT (SELECT id FROM articles WHERE source_name = 'filler.txt'), seq,
               CONCAT('Filler passage ', seq, ': ', SHA2(CONCAT(seq, 'a'), 512), SHA2(CONCAT(seq, 'b'), 512),
                      SHA2(CONCAT(seq, 'c'), 512), SHA2(CONCAT(seq, 'd'), 512), SHA2(CONCAT(seq, 'e'), 512),
                      SHA2(CONCAT(seq, 'f'), 512), SHA2(CONCAT(seq, 'g'), 512), SHA2(CONCAT(seq, 'h'), 512)),
               CONCAT('Filler passage ', seq), SHA2(CONCAT('filler', seq), 256), 'published', 'test', 'test'
          FROM seq_1_to_%d"""
            .formatted(FILLER_PASSAGES));
    long bytes =
        app.database()
            .read(
                c -> {
                  try (var rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT SUM(LENGTH(text) + LENGTH(original_text)) FROM passages")) {
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    assertThat(bytes).as("the export must outlast the stall").isGreaterThan(STALL_AFTER * 2);
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    proxy.close();
  }

  @AfterEach
  void recover() {
    proxy.restore();
    Eventually.within(
        Duration.ofSeconds(15), () -> assertThat(app.get("/health").status()).isEqualTo(200));
  }

  @ParameterizedTest
  @CsvSource({"jsonl, identity", "json, identity", "csv, identity", "jsonl, gzip"})
  void a_database_failure_mid_stream_aborts_the_response(String format, String encoding)
      throws Exception {
    try (LogCapture log = new LogCapture(ExportRoutes.class)) {
      proxy.stallAfter(STALL_AFTER);
      HttpResponse<InputStream> response =
          HTTP.send(
              HttpRequest.newBuilder(app.uri("/api/export?format=" + format))
                  .header("Accept-Encoding", encoding)
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      // Headers only come once the first bytes of the body are on their way.
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Encoding").orElse("identity"))
          .isEqualTo(encoding);
      try (InputStream body = response.body()) {
        assertThat(body.readNBytes(1024)).hasSize(1024);

        proxy.cut();

        assertThatThrownBy(() -> body.transferTo(OutputStream.nullOutputStream()))
            .isInstanceOf(IOException.class);
      }
      Eventually.within(
          Duration.ofSeconds(5),
          () ->
              assertThat(log.messages())
                  .anySatisfy(
                      line ->
                          assertThat(line)
                              .startsWith("GET /api/export aborted after ")
                              .contains(" bytes: The database is not reachable: ")));
    }
  }

  @Test
  void a_client_leaving_mid_stream_is_one_line_in_the_log() throws Exception {
    try (LogCapture log = new LogCapture(ExportRoutes.class)) {
      try (Socket socket = new Socket()) {
        // A small window: the server must still be writing when the client goes.
        socket.setReceiveBufferSize(16 * 1024);
        socket.connect(new InetSocketAddress("localhost", app.uri("/").getPort()));
        socket
            .getOutputStream()
            .write(
                "GET /api/export HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        assertThat(socket.getInputStream().readNBytes(1024)).hasSize(1024);
      }
      Eventually.within(
          Duration.ofSeconds(10),
          () ->
              assertThat(log.messages())
                  .anySatisfy(
                      line ->
                          assertThat(line)
                              .startsWith("GET /api/export stopped after ")
                              .endsWith(" bytes: the client went away")));
    }
  }

  @Test
  void before_the_first_byte_a_failure_is_a_503_in_json() throws Exception {
    proxy.cut();
    for (String path :
        List.of(
            "/api/export",
            "/api/export?format=json",
            "/api/export?format=csv",
            "/api/export/knowledge")) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(app.uri(path)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(path).isEqualTo(503);
      assertThat(response.body())
          .as(path)
          .isEqualTo(
              "{\"error\":\"The database is unavailable right now; please try again shortly.\"}");
      assertThat(response.headers().firstValue("Content-Disposition")).as(path).isEmpty();
    }
  }

  @Test
  void the_command_fails_in_one_line_and_leaves_no_file(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    var cli = Main.commandLine(app.config());
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    proxy.stallAfter(STALL_AFTER);

    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> cli.execute("export", "-o", dir.resolve("all.jsonl").toString()));
    Eventually.within(Duration.ofSeconds(20), () -> assertThat(bytesIn(dir)).isPositive());
    proxy.cut();

    assertThat(exit.get(30, TimeUnit.SECONDS)).isNotZero();
    assertThat(err.toString().lines().toList())
        .singleElement()
        .asString()
        .startsWith("error: The database is not reachable");
    assertThat(dir).isEmptyDirectory();
  }

  private static long bytesIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .mapToLong(
              file -> {
                try {
                  return Files.size(file);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

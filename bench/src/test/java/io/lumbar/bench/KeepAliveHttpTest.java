package io.lumbar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's bare client against a scripted server: each response shape it must read, and
 * reconnecting.
 */
class KeepAliveHttpTest {
  private ServerSocket server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile List<String> script;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0);
    Thread.ofVirtual()
        .start(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  connections.incrementAndGet();
                  Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException e) {
                  return;
                }
              }
            });
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  /**
   * Answers each request with the next scripted response; "CLOSE" after a response closes the
   * connection.
   */
  private void serve(Socket socket) {
    try (socket) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        requests.add(line);
        while (!in.readLine().isEmpty()) {
          // headers
        }
        String response = script.get(requests.size() - 1);
        boolean close = response.endsWith("CLOSE");
        out.write(response.replace("CLOSE", "").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  @Test
  void reads_sized_and_chunked_bodies_on_one_connection() throws Exception {
    script =
        List.of(
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\nX-Trailer: y\r\n\r\n",
            "HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\n{}");
    try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", server.getLocalPort())) {
      KeepAliveHttp.Response sized = http.get("/a?q=x");
      KeepAliveHttp.Response chunked = http.get("/b");
      KeepAliveHttp.Response missing = http.get("/c");

      assertThat(sized.status()).isEqualTo(200);
      assertThat(new String(sized.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
      assertThat(new String(chunked.body(), StandardCharsets.US_ASCII)).isEqualTo("abcdefg");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(requests)
          .containsExactly("GET /a?q=x HTTP/1.1", "GET /b HTTP/1.1", "GET /c HTTP/1.1");
      assertThat(connections).hasValue(1);
    }
  }

  @Test
  void reconnects_after_the_server_closes_and_reads_a_body_ended_by_the_close() throws Exception {
    script =
        List.of(
            "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nokCLOSE",
            "HTTP/1.1 200 OK\r\n\r\nuntil the endCLOSE",
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n!");
    try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", server.getLocalPort())) {
      assertThat(http.get("/1").body()).asString(StandardCharsets.US_ASCII).isEqualTo("ok");
      assertThat(http.get("/2").body())
          .asString(StandardCharsets.US_ASCII)
          .isEqualTo("until the end");
      assertThat(http.get("/3").body()).asString(StandardCharsets.US_ASCII).isEqualTo("!");
      assertThat(connections).hasValue(3);
    }
  }

  @Test
  void a_body_cut_short_is_an_error_not_a_shorter_answer() {
    script = List.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshortCLOSE");
    try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", server.getLocalPort())) {
      assertThatThrownBy(() -> http.get("/"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("5 bytes before the end");
    }
  }
}

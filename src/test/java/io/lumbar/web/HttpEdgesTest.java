package io.lumbar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.LogCapture;
import io.lumbar.testing.RawHttp;
import io.lumbar.testing.RawHttp.Answer;
import io.lumbar.testing.RunningApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests broken at the HTTP level: what Jetty refuses before any route sees it, bodies that are
 * malformed or end early, and HEAD. Each gets a 4xx in the shape of its place (JSON under /api)
 * with the security headers, and at most the request log's one line.
 */
class HttpEdgesTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final String PASSWORD = "a long enough password";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CHUNKED_FORM =
      "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n";

  static int port() {
    return app.uri("/").getPort();
  }

  @Test
  void
      what_jetty_refuses_under_api_is_json_with_the_security_headers_and_says_the_connection_closes()
          throws Exception {
    Map<String, Integer> refused = new LinkedHashMap<>();
    refused.put(
        "GET /api/search?q=" + "a".repeat(100 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
        414);
    refused.put(
        "GET /api/search?q=pain HTTP/1.1\r\nHost: localhost\r\nX-Filler: "
            + "a".repeat(64 * 1024)
            + "\r\n\r\n",
        431);
    refused.put("GET /api/passages/1%00 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
    refused.put("GET /api/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
    refused.put("GET /api/passages/1%C3 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400);
    refused.put("GET /api/tags HTTP/9.9\r\nHost: localhost\r\n\r\n", 505);
    for (var request : refused.entrySet()) {
      String what = RawHttp.abbreviate(request.getKey());
      // Sent without "Connection: close": the exchange ends only because the server closes the
      // connection.
      Answer answer = RawHttp.exchange(port(), request.getKey());
      assertThat(answer.status()).as(what).isEqualTo(request.getValue());
      assertThat(answer.header("Content-Type")).as(what).startsWith("application/json");
      assertThat(JSON.readTree(answer.body()).path("error").asText())
          .as(what)
          .startsWith("Bad request: ");
      assertThat(answer.header("Connection")).as(what).isEqualTo("close");
      assertSecurityHeaders(answer, what);
    }
  }

  @Test
  void a_page_jetty_refuses_is_its_plain_page_with_the_security_headers() {
    Answer answer =
        RawHttp.exchange(port(), "GET /passages/1%C3 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("text/html");
    assertThat(answer.body()).contains("<title>").doesNotContain("Exception");
    assertThat(answer.header("Connection")).isEqualTo("close");
    assertSecurityHeaders(answer, "page");
  }

  @Test
  void a_malformed_chunked_body_is_a_400_with_one_log_line_anonymous_or_signed_in() {
    ConsoleSession.createUser(app, "chunky", PASSWORD, false);
    ConsoleSession session = new ConsoleSession(app);
    session.login("chunky", PASSWORD);
    long id = app.firstPublishedPassageId();
    String cookie =
        "Cookie: lumbar_session=" + session.cookie("lumbar_session").getValue() + "\r\n";
    try (LogCapture logs = LogCapture.everything()) {
      Answer login =
          RawHttp.exchange(
              port(),
              "POST /admin/login HTTP/1.1\r\nHost: localhost\r\n" + CHUNKED_FORM + "\r\nzz\r\n");
      Answer save =
          RawHttp.exchange(
              port(),
              "POST /admin/passages/"
                  + id
                  + " HTTP/1.1\r\nHost: localhost\r\n"
                  + cookie
                  + "X-CSRF-Token: "
                  + session.csrf()
                  + "\r\n"
                  + CHUNKED_FORM
                  + "\r\nzz\r\n");
      for (Answer answer : List.of(login, save)) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
            .contains("<title>That request did not work")
            .contains("malformed or ended early");
        assertThat(answer.header("Connection")).isEqualTo("close");
      }
      Eventually.within(
          Duration.ofSeconds(5), () -> assertThat(requestLines(logs, "status=400")).hasSize(2));
      assertThat(logs.warningsAndTraces()).isEmpty();
    }
  }

  @Test
  void a_client_gone_mid_body_leaves_one_log_line_and_no_trace() {
    try (LogCapture logs = LogCapture.everything()) {
      RawHttp.hangUpAfter(
          port(),
          "POST /admin/login HTTP/1.1\r\nHost: localhost\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nusername=a");
      Answer cutOff =
          RawHttp.exchangeCutOff(
              port(),
              "POST /admin/login HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nusername=a");
      assertThat(cutOff.status()).isEqualTo(400);
      Eventually.within(
          Duration.ofSeconds(5),
          () -> assertThat(requestLines(logs, "route=/admin/login status=400")).hasSize(2));
      assertThat(logs.warningsAndTraces()).isEmpty();
    }
  }

  @Test
  void head_answers_what_get_answers_on_every_route() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    long id = app.firstPublishedPassageId();
    // The running server's route inventory: every GET route has its HEAD route, and those without
    // a path parameter are tried below with the paths chosen here.
    ConsoleSession.createUser(app, "route-lister", PASSWORD, false);
    ConsoleSession session = new ConsoleSession(app);
    session.login("route-lister", PASSWORD);
    List<String> routes = new java.util.ArrayList<>();
    session
        .get("/api/admin/routes")
        .json()
        .path("routes")
        .forEach(r -> routes.add(r.path("method").asText() + " " + r.path("path").asText()));
    List<String> gets =
        routes.stream().filter(r -> r.startsWith("GET ")).map(r -> r.substring(4)).toList();
    assertThat(gets).contains("/api/search", "/api/admin/routes", "/admin");
    List<String> paths =
        new java.util.ArrayList<>(
            List.of(
                "/api/export?status=any",
                "/api/export",
                "/api/passages/999999999",
                "/api/passages/abc",
                "/api/passages/" + id,
                "/api/search?q=pain",
                "/api/search?limit=-1",
                "/health",
                "/admin",
                "/admin/passages/" + id,
                "/api/admin/passages/" + id + "/suggested-tags",
                "/nothing-here",
                "/passages/" + id,
                "/?q=pain",
                "/static/lumbar.css"));
    for (String path : gets) {
      assertThat(routes).as(path).contains("HEAD " + path);
      if (!path.contains("{") && !path.contains("<") && !path.contains("*")) {
        paths.add(path);
      }
    }
    for (String path : paths) {
      HttpResponse<String> get =
          http.send(
              HttpRequest.newBuilder(app.uri(path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> head =
          http.send(
              HttpRequest.newBuilder(app.uri(path))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
      assertThat(head.headers().firstValue("Content-Type"))
          .as(path)
          .isEqualTo(get.headers().firstValue("Content-Type"));
      assertThat(head.body()).as(path).isEmpty();
    }
    assertThat(
            http.send(
                    HttpRequest.newBuilder(app.uri("/api/export?status=any"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(401);
  }

  private static List<String> requestLines(LogCapture logs, String containing) {
    return logs.messages().stream()
        .filter(m -> m.startsWith("request ") && m.contains(containing))
        .toList();
  }

  private static void assertSecurityHeaders(Answer answer, String what) {
    SecurityHeaders.EVERY_ANSWER.forEach(
        (name, value) -> assertThat(answer.header(name)).as(what + " " + name).isEqualTo(value));
  }
}

package io.lumbar.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, unknown routes and methods, static files: the shapes every answer takes. */
class HttpBasicsTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void health_reports_database_and_index() {
    Response response = app.get("/health");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("ok");
    assertThat(response.json().get("database").asText()).isEqualTo("up");
    assertThat(response.json().get("indexedPassages").asInt()).isPositive();
  }

  @Test
  void unknown_api_route_is_404_json_and_unknown_page_is_404_html() {
    Response api = app.get("/api/nothing-here");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.json().get("error").asText()).contains("/api/nothing-here");
    Response page = app.get("/nothing-here");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("Not found");
  }

  @Test
  void wrong_method_is_a_client_error_not_a_crash() {
    Response response =
        app.send(
            HttpRequest.newBuilder(app.uri("/api/search?q=pain"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(response.status()).isBetween(400, 499);
  }

  @Test
  void malformed_encodings_are_client_errors() {
    for (String path :
        new String[] {
          "/api/search?q=%FF%FE",
          "/?q=%FF",
          "/api/search?q=%",
          "/api/search?q=%zz",
          "/api/passages/%FF"
        }) {
      assertThat(app.rawStatus(path)).as(path).isBetween(200, 499);
    }
  }

  @Test
  void stylesheet_is_served() {
    Response css = app.get("/static/lumbar.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.contentType()).startsWith("text/css");
  }

  @Test
  void every_answer_carries_the_security_headers() {
    for (String path :
        java.util.List.of(
            "/", "/api/search?q=pain", "/admin/login", "/nothing-here", "/static/lumbar.css")) {
      java.net.http.HttpResponse<String> response;
      try {
        response =
            java.net.http.HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(app.uri(path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      var headers = response.headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(SecurityHeaders.CSP);
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      boolean console = path.startsWith("/admin");
      assertThat(headers.firstValue("Cache-Control").filter("no-store"::equals).isPresent())
          .as(path)
          .isEqualTo(console);
    }
    assertThat(SecurityHeaders.CSP)
        .doesNotContain("unsafe-inline")
        .contains("frame-ancestors 'none'");
  }
}

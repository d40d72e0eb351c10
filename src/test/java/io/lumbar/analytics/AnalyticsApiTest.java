package io.lumbar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Searches through the real app are logged and come back in the two reports. */
class AnalyticsApiTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static ConsoleSession editor;

  @BeforeAll
  static void signIn() {
    ConsoleSession.createUser(app, "edna", "a long enough password", false);
    editor = new ConsoleSession(app);
    editor.login("edna", "a long enough password");
  }

  @Test
  void the_reports_need_a_signed_in_editor() {
    Response anonymous = app.get("/api/admin/analytics/top-searches");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("error").asText()).contains("Sign in");
  }

  @Test
  void searches_from_the_api_and_the_page_show_up_in_the_reports() {
    search("/api/search", "Sciatica", "");
    search("/api/search", "sciatica  ", "");
    search("/", "SCIATICA", "");
    search("/api/search", "sciatica", "&offset=2");
    search("/", "sciatica", "&offset=2");
    search("/api/search", "zzzqqq", "");
    search("/", "zzzqqq?", "");
    search("/api/search", "write to jo@example.com", "");
    search("/api/search", "sciatica", "&limit=0");
    waitUntilWritten();

    JsonNode top = editor.get("/api/admin/analytics/top-searches").json();
    assertThat(top.get("days").asInt()).isEqualTo(30);
    assertThat(queries(top)).containsExactly("sciatica", "zzzqqq", "flushed", "write to <email>");
    JsonNode sciatica = top.get("searches").get(0);
    assertThat(sciatica.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("query", "count", "averageHits", "lastSearchedAt");
    assertThat(sciatica.get("count").asLong()).isEqualTo(3);
    assertThat(sciatica.get("averageHits").asDouble()).isEqualTo(4.0);
    assertThat(sciatica.get("lastSearchedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

    JsonNode zero = editor.get("/api/admin/analytics/zero-result-searches?days=7&limit=1").json();
    assertThat(zero.get("days").asInt()).isEqualTo(7);
    assertThat(zero.get("searches")).hasSize(1);
    JsonNode zzzqqq = zero.get("searches").get(0);
    assertThat(zzzqqq.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("query", "count", "lastSearchedAt");
    assertThat(zzzqqq.get("query").asText()).isEqualTo("zzzqqq");
    assertThat(zzzqqq.get("count").asLong()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"days=0", "days=366", "days=x", "limit=0", "limit=101", "limit=1.5", "days=-1"})
  void bad_parameters_answer_400_json(String params) {
    for (String report : List.of("top-searches", "zero-result-searches")) {
      ConsoleSession.Page response = editor.get("/api/admin/analytics/" + report + "?" + params);
      assertThat(response.status()).as(report).isEqualTo(400);
      assertThat(response.json().get("error").asText()).as(report).isNotBlank();
    }
  }

  private static void search(String path, String q, String extra) {
    Response response =
        app.get(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra);
    assertThat(response.status()).as(q + extra).isIn(200, 400);
  }

  /**
   * Searches are written in order by one thread: once the last one is in the table, so are all
   * before it.
   */
  private static void waitUntilWritten() {
    search("/api/search", "flushed", "");
    Eventually.within(
        Duration.ofSeconds(10),
        () ->
            assertThat(queries(editor.get("/api/admin/analytics/top-searches?limit=100").json()))
                .contains("flushed"));
  }

  private static List<String> queries(JsonNode report) {
    List<String> queries = new ArrayList<>();
    report.get("searches").forEach(s -> queries.add(s.get("query").asText()));
    return queries;
  }
}

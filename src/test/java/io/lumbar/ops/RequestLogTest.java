package io.lumbar.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.LogCapture;
import io.lumbar.testing.RunningApp;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One logfmt line per request, naming the route template; never query strings, credentials or
 * cookies.
 */
class RequestLogTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void durations_are_written_with_one_decimal_exactly_as_the_formatter_rounds_them() {
    java.util.Random random = new java.util.Random(20);
    for (int i = 0; i < 200_000; i++) {
      float millis =
          i < 100_000 ? i / 1000f : (float) (random.nextDouble() * (i % 2 == 0 ? 100 : 100_000));
      assertThat(RequestLog.tenths(millis))
          .as("%s", millis)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", millis));
    }
  }

  @Test
  void a_request_writes_one_line_with_method_route_status_and_duration() {
    long id = app.passageIdStartingWith("Sciatica is inflammation of the large nerve");
    try (LogCapture log = new LogCapture(RequestLog.class)) {
      app.get("/api/passages/" + id);
      app.get("/api/search?q=");
      List<String> lines = awaitLines(log, 2);
      assertThat(lines.get(0))
          .matches("request method=GET route=/api/passages/\\{id} status=200 ms=\\d+\\.\\d");
      assertThat(lines.get(1))
          .matches("request method=GET route=/api/search status=400 ms=\\d+\\.\\d");
    }
  }

  @Test
  void secrets_in_query_strings_headers_and_cookies_are_not_logged() {
    try (LogCapture log = new LogCapture(RequestLog.class)) {
      app.send(
          HttpRequest.newBuilder(app.uri("/api/search?q=hunter2-query&token=hunter2-token"))
              .header("Authorization", "Bearer hunter2-bearer")
              .header("Cookie", "lumbar_session=hunter2-cookie")
              .GET()
              .build());
      String line = awaitLines(log, 1).getFirst();
      assertThat(line).startsWith("request method=GET route=/api/search status=200 ");
      assertThat(line).doesNotContain("hunter2");
    }
  }

  @Test
  void unknown_paths_are_logged_under_one_name() {
    try (LogCapture log = new LogCapture(RequestLog.class)) {
      app.get("/no/such/page/42");
      assertThat(awaitLines(log, 1).getFirst())
          .startsWith("request method=GET route=UNMATCHED status=404 ");
    }
  }

  /**
   * The logger runs once the answer is complete, which can be just after the client has read it.
   */
  private static List<String> awaitLines(LogCapture log, int count) {
    io.lumbar.testing.Eventually.within(
        Duration.ofSeconds(5), () -> assertThat(log.messages()).hasSizeGreaterThanOrEqualTo(count));
    return log.messages();
  }
}

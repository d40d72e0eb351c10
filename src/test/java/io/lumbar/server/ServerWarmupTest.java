package io.lumbar.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.LogCapture;
import io.lumbar.testing.RunningApp;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The server searches by itself before it opens its port (LUMBAR_WARMUP_SECONDS). */
class ServerWarmupTest {
  private static final Pattern WARMUP_LINE =
      Pattern.compile("warmup searches=(\\d+) queries=(\\d+) ms=(\\d+)");

  @Test
  void the_server_warms_up_before_serving_with_the_logged_queries_and_records_none_of_its_own()
      throws Exception {
    try (LogCapture log = new LogCapture(App.class);
        RunningApp app = RunningApp.start(Map.of("LUMBAR_WARMUP_SECONDS", "1"))) {
      Matcher first = warmupLine(log);
      assertThat(Long.parseLong(first.group(1))).as("searches").isPositive();
      assertThat(Long.parseLong(first.group(3))).as("ms").isGreaterThanOrEqualTo(1_000);
      assertThat(log.messages().indexOf(first.group()))
          .as("warmed up before serving")
          .isLessThan(indexOfStartingWith(log.messages(), "Lumbar is serving"));
      assertThat(app.get("/api/search?q=pain+in+my+left+heel").status()).isEqualTo(200);

      app.restart();

      // The one search a person made is the only one in the log, and the second start warms up with
      // it too.
      String logged =
          app.database()
              .read(
                  c -> {
                    try (var rs =
                        c.createStatement()
                            .executeQuery("SELECT GROUP_CONCAT(query) FROM search_log")) {
                      rs.next();
                      return rs.getString(1);
                    }
                  });
      assertThat(logged).isEqualTo("pain in my left heel");
      List<String> lines = log.messages().stream().filter(WARMUP_LINE.asPredicate()).toList();
      assertThat(lines).hasSize(2);
      Matcher second = WARMUP_LINE.matcher(lines.get(1));
      assertThat(second.find()).isTrue();
      assertThat(Integer.parseInt(second.group(2))).isEqualTo(Integer.parseInt(first.group(2)) + 1);
    }
  }

  private static Matcher warmupLine(LogCapture log) {
    String line =
        log.messages().stream().filter(WARMUP_LINE.asPredicate()).findFirst().orElseThrow();
    Matcher m = WARMUP_LINE.matcher(line);
    assertThat(m.find()).isTrue();
    return m;
  }

  private static int indexOfStartingWith(List<String> lines, String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    return -1;
  }
}

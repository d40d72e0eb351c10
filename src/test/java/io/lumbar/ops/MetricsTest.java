package io.lumbar.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.indexing.ChangeLog;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics}: scraped after real requests, in the Prometheus text format. */
class MetricsTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  /** One sample of the text format: {@code name{label="value",...} number}. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static List<Sample> scrape() {
    Response response = app.get("/metrics");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain; version=0.0.4");
    List<Sample> samples = new ArrayList<>();
    for (String line : response.body().lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("sample line: %s", line).isTrue();
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher label = LABEL.matcher(m.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return samples;
  }

  /** The one sample of {@code name} whose labels include {@code labels}. */
  private static double value(List<Sample> samples, String name, Map<String, String> labels) {
    List<Sample> matching =
        samples.stream()
            .filter(
                s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
            .toList();
    assertThat(matching).as("%s%s", name, labels).hasSize(1);
    return matching.getFirst().value();
  }

  /** How much a counter grew between two scrapes; a series not there yet counts as 0. */
  private static double growth(
      List<Sample> before, List<Sample> after, String name, Map<String, String> labels) {
    boolean existed =
        before.stream()
            .anyMatch(
                s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()));
    return value(after, name, labels) - (existed ? value(before, name, labels) : 0);
  }

  private static double value(List<Sample> samples, String name) {
    return value(samples, name, Map.of());
  }

  @Test
  void requests_are_counted_per_route_template_method_and_status_class() {
    long id = app.passageIdStartingWith("Sciatica is inflammation of the large nerve");
    List<Sample> before = scrape();
    assertThat(app.get("/api/search?q=sciatica").status()).isEqualTo(200);
    assertThat(app.get("/api/search?q=sciatica&limit=2").status()).isEqualTo(200);
    assertThat(app.get("/api/search?q=").status()).isEqualTo(400);
    assertThat(app.get("/api/passages/" + id).status()).isEqualTo(200);
    assertThat(app.get("/api/passages/987654321").status()).isEqualTo(404);
    assertThat(app.get("/no/such/page/12345").status()).isEqualTo(404);
    assertThat(app.get("/api/admin/jobs/7").status()).isEqualTo(401);

    List<Sample> samples = scrape();
    String count = "http_server_requests_seconds_count";
    assertThat(
            growth(
                before,
                samples,
                count,
                Map.of("method", "GET", "route", "/api/search", "status", "2xx")))
        .isEqualTo(2);
    assertThat(
            growth(
                before,
                samples,
                count,
                Map.of("method", "GET", "route", "/api/search", "status", "4xx")))
        .isEqualTo(1);
    assertThat(
            growth(
                before,
                samples,
                count,
                Map.of("method", "GET", "route", "/api/passages/{id}", "status", "2xx")))
        .isEqualTo(1);
    assertThat(
            growth(
                before,
                samples,
                count,
                Map.of("method", "GET", "route", "/api/passages/{id}", "status", "4xx")))
        .isEqualTo(1);
    assertThat(
            growth(
                before,
                samples,
                count,
                Map.of("method", "GET", "route", RequestLog.UNMATCHED, "status", "4xx")))
        .isEqualTo(1);
    // Refused before its handler ran, still under its route.
    assertThat(
            growth(
                before,
                samples,
                count,
                Map.of("method", "GET", "route", "/api/admin/jobs/{id}", "status", "4xx")))
        .isEqualTo(1);
    // Raw paths never become labels: the number of series does not grow with ids or typos.
    assertThat(samples)
        .noneMatch(s -> s.labels().getOrDefault("route", "").contains(Long.toString(id)));
    assertThat(samples).noneMatch(s -> s.labels().getOrDefault("route", "").contains("12345"));

    // A latency histogram: cumulative buckets ending in +Inf, which holds every request.
    Map<String, String> search = Map.of("method", "GET", "route", "/api/search", "status", "2xx");
    double all = value(samples, count, search);
    assertThat(value(samples, "http_server_requests_seconds_bucket", with(search, "le", "+Inf")))
        .isEqualTo(all);
    assertThat(value(samples, "http_server_requests_seconds_bucket", with(search, "le", "0.001")))
        .isBetween(0.0, all);
    assertThat(value(samples, "http_server_requests_seconds_sum", search)).isPositive();
  }

  @Test
  void made_up_methods_share_one_label() throws Exception {
    for (String method : List.of("FOO1", "FOO2")) {
      try (var socket = new java.net.Socket("localhost", app.uri("/").getPort())) {
        socket
            .getOutputStream()
            .write(
                (method + " /api/search HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        socket.getInputStream().readAllBytes();
      }
    }
    Eventually.within(
        Duration.ofSeconds(5),
        () -> {
          List<Sample> samples = scrape();
          assertThat(samples)
              .noneMatch(s -> s.labels().getOrDefault("method", "").startsWith("FOO"));
          assertThat(
                  value(
                      samples,
                      "http_server_requests_seconds_count",
                      Map.of("method", RequestLog.OTHER_METHOD)))
              .isEqualTo(2);
        });
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> all = new LinkedHashMap<>(labels);
    all.put(key, value);
    return all;
  }

  @Test
  void searches_are_timed_by_outcome() {
    double hitsBefore = value(scrape(), "lumbar_search_seconds_count", Map.of("outcome", "hits"));
    double zeroBefore = value(scrape(), "lumbar_search_seconds_count", Map.of("outcome", "zero"));
    app.get("/api/search?q=sciatica");
    app.get("/?q=sciatica");
    app.get("/api/search?q=xylophonequartz");

    List<Sample> samples = scrape();
    assertThat(value(samples, "lumbar_search_seconds_count", Map.of("outcome", "hits")))
        .isEqualTo(hitsBefore + 2);
    assertThat(value(samples, "lumbar_search_seconds_count", Map.of("outcome", "zero")))
        .isEqualTo(zeroBefore + 1);
    assertThat(
            value(samples, "lumbar_search_seconds_bucket", Map.of("outcome", "hits", "le", "+Inf")))
        .isEqualTo(hitsBefore + 2);
  }

  @Test
  void index_size_and_lag_follow_the_change_log() {
    int indexed = app.get("/health").json().get("indexedPassages").asInt();
    List<Sample> samples = scrape();
    assertThat(value(samples, "lumbar_index_documents")).isEqualTo(indexed);
    assertThat(value(samples, "lumbar_index_size_bytes")).isGreaterThan(10_000);

    long id = app.passageIdStartingWith("Sciatica is inflammation of the large nerve");
    long[] before = new long[1];
    Eventually.within(
        Duration.ofSeconds(10),
        () -> {
          List<Sample> now = scrape();
          assertThat(value(now, "lumbar_index_lag_changes")).isZero();
          before[0] = (long) value(now, "lumbar_index_position");
          assertThat(value(now, "lumbar_changelog_position")).isEqualTo(before[0]);
        });

    app.database()
        .inTransaction(
            c -> {
              ChangeLog.append(c, List.of(id, id, id));
              return null;
            });
    Eventually.within(
        Duration.ofSeconds(10),
        () -> {
          List<Sample> now = scrape();
          assertThat(value(now, "lumbar_changelog_position")).isEqualTo(before[0] + 3);
          assertThat(value(now, "lumbar_index_position")).isEqualTo(before[0] + 3);
          assertThat(value(now, "lumbar_index_lag_changes")).isZero();
          assertThat(value(now, "lumbar_index_refresh_seconds_count")).isPositive();
        });
  }

  @Test
  void database_pool_and_jvm_are_reported() {
    List<Sample> samples = scrape();
    assertThat(value(samples, "hikaricp_connections_max", Map.of("pool", "lumbar"))).isEqualTo(16);
    assertThat(value(samples, "hikaricp_connections", Map.of("pool", "lumbar"))).isPositive();
    assertThat(
            value(samples, "hikaricp_connections_acquire_seconds_count", Map.of("pool", "lumbar")))
        .isPositive();
    assertThat(samples)
        .anyMatch(
            s ->
                s.name().equals("jvm_memory_used_bytes")
                    && s.labels().get("area").equals("heap")
                    && s.value() > 0);
    assertThat(value(samples, "jvm_threads_live_threads")).isPositive();
    assertThat(value(samples, "jvm_classes_loaded_classes")).isPositive();
    assertThat(samples).anyMatch(s -> s.name().startsWith("jvm_gc_"));
    assertThat(value(samples, "process_uptime_seconds")).isPositive();
    assertThat(value(samples, "process_cpu_usage")).isBetween(0.0, 1.0);
  }
}

package io.lumbar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.CommandRunner;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import io.lumbar.web.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short {@code lumbar load} against the real app: every endpoint is exercised and nothing fails.
 * Never asserts how fast.
 */
class LoadCommandTest {
  @RegisterExtension static RunningApp app = RunningApp.perClass();

  @TempDir Path tmp;

  @Test
  void a_short_run_reads_every_endpoint_saves_through_the_console_and_rebuilds_without_errors()
      throws Exception {
    ConsoleSession.createUser(app, "loader", "a long enough password", true);
    CommandRunner cli =
        new CommandRunner(app.config(), stdin("a long enough password"), BenchMain::commandLine);

    int exit =
        cli.run(
            "load",
            "--url",
            app.uri("/").toString(),
            "--connections",
            "4",
            "--duration",
            "3",
            "--warmup",
            "0",
            "--reindexes",
            "1",
            "--admin-user",
            "loader",
            "--admin-password-stdin",
            "--out",
            tmp.resolve("load.json").toString());

    assertThat(exit).as(cli.out() + cli.err()).isZero();
    JsonNode figures = Json.mapper().readTree(tmp.resolve("load.json").toFile());
    for (String endpoint :
        new String[] {"search", "suggest", "passage", "export", "console save"}) {
      assertThat(figures.path(endpoint).path("requests").asLong()).as(endpoint).isPositive();
      assertThat(figures.path(endpoint).path("serverErrors").asLong()).as(endpoint).isZero();
      assertThat(figures.path(endpoint).path("clientErrors").asLong()).as(endpoint).isZero();
      assertThat(figures.path(endpoint).path("ioErrors").asLong()).as(endpoint).isZero();
    }
    assertThat(figures.path("rebuilds").get(0).path("state").asText()).isEqualTo("done");
    assertThat(figures.path("heapSamples").size()).isPositive();
    assertThat(cli.out()).contains("| search |", "result: 0 errors (0 of them 5xx): PASS");
  }

  @Test
  void searches_only_never_repeating_beside_the_health_reference() throws Exception {
    CommandRunner cli = new CommandRunner(app.config(), stdin(""), BenchMain::commandLine);

    int exit =
        cli.run(
            "load",
            "--url",
            app.uri("/").toString(),
            "--connections",
            "2",
            "--duration",
            "2",
            "--warmup",
            "0",
            "--search-only",
            "--stream",
            "unique",
            "--health-reference",
            "--out",
            tmp.resolve("search.json").toString());

    assertThat(exit).as(cli.out() + cli.err()).isZero();
    JsonNode figures = Json.mapper().readTree(tmp.resolve("search.json").toFile());
    assertThat(figures.path("search").path("requests").asLong()).isPositive();
    assertThat(figures.path("health").path("requests").asLong()).isPositive();
    assertThat(figures.has("suggest")).isFalse();
    assertThat(figures.path("stream").asText()).isEqualTo("unique");
    assertThat(figures.path("searchShareOfHealth").asDouble()).isPositive();
    assertThat(cli.out()).contains("| search |", "| health |", "as a share of /health's");
  }

  @Test
  void a_unique_stream_never_sends_the_same_query_twice() {
    for (long start : new long[] {0, 7, 17}) {
      QueryStream stream =
          QueryStream.unique(List.of("back pain", "sciatica"), List.of("a", "b", "c"), start);
      Set<String> sent = new HashSet<>();
      for (int i = 0; i < 2 * 3 * 3; i++) {
        assertThat(sent.add(stream.next(null))).as("query %d from %d", i, start).isTrue();
      }
    }
  }

  @Test
  void each_unique_stream_starts_elsewhere_so_runs_against_one_server_do_not_replay_each_other() {
    List<String> words = new java.util.ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      words.add(Benchmark.letters(i));
    }
    Set<String> first = new HashSet<>();
    QueryStream one = QueryStream.unique(List.of("back pain", "sciatica"), words);
    QueryStream two = QueryStream.unique(List.of("back pain", "sciatica"), words);
    for (int i = 0; i < 500; i++) {
      first.add(one.next(null));
    }
    int replayed = 0;
    for (int i = 0; i < 500; i++) {
      replayed += first.contains(two.next(null)) ? 1 : 0;
    }
    assertThat(replayed).isLessThan(50);
  }

  @Test
  void a_remote_url_an_admin_without_a_password_or_a_wrong_password_is_one_error_line() {
    CommandRunner cli = new CommandRunner(app.config(), stdin(""), BenchMain::commandLine);
    assertThat(cli.run("load", "--url", app.uri("/").toString(), "--admin-user", "loader"))
        .isEqualTo(1);
    assertThat(cli.err()).startsWith("error: --admin-user needs --admin-password-stdin");

    CommandRunner elsewhere = new CommandRunner(app.config(), stdin(""), BenchMain::commandLine);
    assertThat(elsewhere.run("load", "--url", "http://192.0.2.1:7070")).isEqualTo(1);
    assertThat(elsewhere.err()).startsWith("error: --url must point at this machine");

    ConsoleSession.createUser(app, "someone", "a long enough password", true);
    CommandRunner wrong =
        new CommandRunner(app.config(), stdin("not the password"), BenchMain::commandLine);
    assertThat(
            wrong.run(
                "load",
                "--url",
                app.uri("/").toString(),
                "--admin-user",
                "someone",
                "--admin-password-stdin"))
        .isEqualTo(1);
    assertThat(wrong.err())
        .startsWith("error: Cannot sign in as 'someone'")
        .doesNotContain("Exception");
  }

  @Test
  void heap_readings_add_up_the_heap_pools_of_a_scrape() {
    String scrape =
        """
        # HELP jvm_memory_used_bytes The amount of used memory
        jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
        jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7
        jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
        jvm_gc_live_data_size_bytes 1.5E7
        """;
    HeapSamples.Sample sample = HeapSamples.parse(5, scrape);
    assertThat(sample.heapUsed()).isEqualTo(31_457_280L);
    assertThat(sample.liveData()).isEqualTo(15_000_000L);
  }

  @Test
  void readings_after_a_full_collection_decide_the_soak_over_low_points_that_still_hold_garbage() {
    HeapSamples heap = new HeapSamples();
    long mb = 1024 * 1024;
    for (int s = 0; s <= 180; s += 5) {
      // Low points creep up as old garbage waits for a mixed collection...
      heap.add(new HeapSamples.Sample(s, (60 + s) * mb, (50 + s / 2) * mb));
    }
    assertThat(heap.verdict(180).flat()).as("by low points alone").isFalse();

    // ...while what is still in use after a full collection stays put.
    heap.addAfterFullGc(new HeapSamples.Sample(60, 60 * mb, 0));
    heap.addAfterFullGc(new HeapSamples.Sample(180, 70 * mb, 0));
    HeapSamples.Verdict verdict = heap.verdict(180);
    assertThat(verdict.flat()).isTrue();
    assertThat(verdict.afterFullGcFirstMb()).isEqualTo(60.0);
    assertThat(verdict.afterFullGcLastMb()).isEqualTo(70.0);

    heap.addAfterFullGc(new HeapSamples.Sample(181, 200 * mb, 0));
    assertThat(heap.verdict(180).flat()).as("a real leak still fails").isFalse();
  }

  @Test
  void a_server_pid_that_is_no_process_here_is_one_error_line() {
    CommandRunner cli = new CommandRunner(app.config(), stdin(""), BenchMain::commandLine);
    assertThat(cli.run("load", "--url", app.uri("/").toString(), "--server-pid", "999999999"))
        .isEqualTo(1);
    assertThat(cli.err())
        .startsWith("error: --server-pid 999999999 is not a process on this machine");
  }

  private static ByteArrayInputStream stdin(String line) {
    return new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8));
  }
}

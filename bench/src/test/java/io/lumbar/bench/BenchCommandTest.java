package io.lumbar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.config.Config;
import io.lumbar.scratch.ScratchDatabase;
import io.lumbar.testing.CommandRunner;
import io.lumbar.testing.TestDatabase;
import io.lumbar.web.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small benchmark run end to end: every section of the result has figures. Never asserts how
 * fast.
 */
class BenchCommandTest {
  @TempDir Path tmp;
  TestDatabase db;
  Config config;
  CommandRunner cli;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    config =
        Config.fromMap(Map.of("LUMBAR_INDEX_REFRESH_MS", "50", "LUMBAR_WARMUP_SECONDS", "0"))
            .withDatabase(db.url(), db.user(), db.password());
    cli = new CommandRunner(config, System.in, BenchMain::commandLine);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (String size : List.of("_bench_1000", "_bench_2000", "_bench_hybrid_1000")) {
      ScratchDatabase.dropIfExists(
          ScratchDatabase.beside(db.url(), size), db.user(), db.password());
    }
    db.close();
  }

  @Test
  void two_sizes_give_a_result_file_each_with_every_section_plus_a_table_and_a_plot()
      throws Exception {
    int exit =
        cli.run(
            "bench",
            "--passages",
            "1000,2000",
            "--duration",
            "1",
            "--edits",
            "3",
            "--out",
            tmp.toString());

    assertThat(exit).as(cli.err()).isZero();
    for (int size : List.of(1000, 2000)) {
      JsonNode result = Json.mapper().readTree(tmp.resolve("bench-" + size + ".json").toFile());
      assertThat(result.at("/run/passages").asInt()).isEqualTo(size);
      assertThat(result.at("/run/queries").asInt()).isEqualTo(QueryMix.SIZE);
      assertThat(result.at("/load/passages").asInt()).isEqualTo(size);
      for (String figure :
          List.of(
              "/load/passagesPerSecond",
              "/indexing/lumbarPassagesPerSecond",
              "/indexing/rawPassagesPerSecond",
              "/indexing/documentsPassagesPerSecond",
              "/indexing/lumbarToDocuments",
              "/indexing/lumbarToRaw",
              "/search/lumbarHttp/qps",
              "/search/lumbarHttp/p50Ms",
              "/search/lumbarHttp/p99Ms",
              "/search/lumbarInProcess/qps",
              "/search/lumbarInProcess/p99Ms",
              "/search/luceneLumbarQuery/qps",
              "/search/luceneLumbarQuery/p99Ms",
              "/search/rawLucene/qps",
              "/search/rawLucene/p99Ms",
              "/search/mariadbFulltext/qps",
              "/search/mariadbFulltext/p99Ms",
              "/search/lumbarToRawQps",
              "/search/lumbarToLuceneQueryQps",
              "/search/lumbarToMariadbQps",
              "/freshness/p50Ms",
              "/freshness/maxMs",
              "/footprint/indexBytes",
              "/footprint/heapUsedBytes",
              "/footprint/rssBytes")) {
        assertThat(result.at(figure).asDouble()).as(size + " " + figure).isPositive();
      }
      assertThat(result.at("/indexing/passages").asInt()).isEqualTo(size);
      assertThat(result.at("/search/lumbarHttp/errors").asLong()).isZero();
      assertThat(result.at("/freshness/edits").asInt()).isEqualTo(3);
    }
    assertThat(cli.out())
        .contains(
            "Lumbar QPS / raw Lucene QPS:",
            "Lumbar QPS / MariaDB QPS:",
            "reindex rate / raw Lucene rate:",
            "reindex rate / Lucene alone, Lumbar's documents:",
            "Lumbar QPS / Lucene alone, Lumbar's query:");
    assertThat(Files.readString(tmp.resolve("bench.md")))
        .contains("| figure | 1,000 passages | 2,000 passages |");
    assertThat(Files.readString(tmp.resolve("bench.svg")))
        .startsWith("<svg")
        .contains("<polyline")
        .endsWith("</svg>\n");
  }

  @Test
  void
      hybrid_lanes_search_with_semantic_search_on_for_a_repeating_mix_and_for_queries_that_never_repeat()
          throws Exception {
    int exit =
        cli.run(
            "bench",
            "--hybrid",
            "--passages",
            "1000",
            "--duration",
            "1",
            "--edits",
            "2",
            "--out",
            tmp.toString());

    assertThat(exit).as(cli.err()).isZero();
    JsonNode result = Json.mapper().readTree(tmp.resolve("bench-hybrid-1000.json").toFile());
    assertThat(result.at("/run/hybrid").asBoolean()).isTrue();
    for (String lane :
        List.of("lumbarHttp", "lumbarInProcess", "lumbarHttpUnique", "lumbarInProcessUnique")) {
      assertThat(result.at("/search/" + lane + "/qps").asDouble()).as(lane).isPositive();
      assertThat(result.at("/search/" + lane + "/errors").asLong()).as(lane).isZero();
    }
    assertThat(cli.out())
        .contains("hybrid (semantic search on", "no query repeats (each embedded)");
  }

  @Test
  void bad_options_get_one_line() {
    assertThat(cli.run("bench", "--passages", "10k,x")).isEqualTo(1);
    assertThat(cli.run("bench", "--passages", "100", "--clients", "0")).isEqualTo(1);
    assertThat(
            cli.run("bench", "--passages", "100", "--queries", tmp.resolve("none.txt").toString()))
        .isEqualTo(1);
    assertThat(cli.err().lines())
        .containsExactly(
            "error: --passages must be whole numbers such as 10000, 10k or 1M, got 'x'",
            "error: --clients must be between 1 and 256, got 0",
            "error: No such query file: " + tmp.resolve("none.txt"));
  }
}

package io.lumbar.bench;

import io.lumbar.config.CommandContext;
import io.lumbar.config.Config;
import io.lumbar.db.EmbeddedMariaDb;
import io.lumbar.scratch.ScratchDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lumbar bench --passages N[,N...]}: for each size, a scratch database {@code
 * <database>_bench_<N>} on the configured server with a synthetic corpus, and side by side: bulk
 * load, Lumbar's full reindex against raw Lucene, search over HTTP against raw Lucene and MariaDB
 * FULLTEXT, edit-to-search latency, index size and memory.
 */
@Command(
    name = "bench",
    description = {
      "Benchmark Lumbar against raw Lucene and MariaDB FULLTEXT on synthetic corpora of N passages, in scratch",
      "databases <database>_bench_<N> on the configured server (dropped and recreated unless --reuse). Writes bench-<N>.json (and, for several sizes,",
      "bench.md and bench.svg) to --out."
    })
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--passages",
      required = true,
      paramLabel = "N[,N...]",
      description = "Corpus sizes, e.g. 10k,100k,1M.")
  String passages;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Corpus seed (default: ${DEFAULT-VALUE}).")
  String seed;

  @Option(
      names = "--clients",
      paramLabel = "C",
      defaultValue = "2",
      description = "Concurrent search clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description =
          "Measured seconds per system, after a warm-up of a quarter of it, at most 5 s (default: ${DEFAULT-VALUE}).")
  double duration;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description = "Query mix, one a line (default: 200 built-in lay queries).")
  Path queries;

  @Option(
      names = "--edits",
      paramLabel = "E",
      defaultValue = "20",
      description = "Edits timed until searchable (default: ${DEFAULT-VALUE}).")
  int edits;

  @Option(
      names = "--reuse",
      description =
          "Keep a scratch database that already holds the corpus instead of recreating it.")
  boolean reuse;

  @Option(
      names = "--semantic",
      description = {
        "Measure what semantic search costs instead, in databases <database>_bench_semantic_<N>: embedding time per passage",
        "(real model), rebuild rate with stored vectors, memory with the model and the index, hybrid and lexical search",
        "latency in process. Writes bench-semantic-<N>.json."
      })
  boolean semantic;

  @Option(
      names = "--hybrid",
      description = {
        "Lumbar's lanes with semantic search on, in databases <database>_bench_hybrid_<N>: a stored vector per passage",
        "(as --semantic makes them), the repeating mix (query vectors cached, as a server caches them) and, over HTTP",
        "and in process, a stream where no query repeats (every search embeds its query). Writes bench-hybrid-<N>.json."
      })
  boolean hybrid;

  @Option(
      names = "--rounds",
      paramLabel = "R",
      defaultValue = "5",
      description =
          "With --semantic: timed passes over the query mix per ranker (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "target/bench",
      description = "Where results go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    List<Integer> sizes = PassageCounts.parse(passages);
    long seedValue = PassageCounts.seed(seed);
    if (clients < 1 || clients > 256) {
      throw new IllegalArgumentException("--clients must be between 1 and 256, got " + clients);
    }
    if (!(duration > 0 && duration <= 3600)) {
      throw new IllegalArgumentException("--duration must be more than 0 and at most 3600 seconds");
    }
    if (edits < 1 || edits > 1000) {
      throw new IllegalArgumentException("--edits must be between 1 and 1000, got " + edits);
    }
    var json = io.lumbar.web.Json.mapper();
    List<String> mix = queries == null ? QueryMix.bundled(json) : QueryMix.fromFile(queries, json);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter progress = spec.commandLine().getErr();
    createDirectories(out);
    Config config = parent.config();
    if (hybrid && semantic) {
      throw new IllegalArgumentException(
          "--hybrid and --semantic are two different runs: pick one");
    }
    if (rounds < 1 || rounds > 100) {
      throw new IllegalArgumentException("--rounds must be between 1 and 100, got " + rounds);
    }
    List<BenchResult> results = new ArrayList<>();
    EmbeddedMariaDb embedded =
        config.dbUrl().isPresent()
            ? null
            : EmbeddedMariaDb.start(config.embeddedDbDir(), config.embeddedDbPort());
    try {
      for (int size : sizes) {
        if (semantic) {
          String url =
              embedded == null
                  ? ScratchDatabase.beside(config.dbUrl().get(), "_bench_semantic_" + size)
                  : embedded.jdbcUrl("lumbar_bench_semantic_" + size);
          SemanticCost.Result result =
              new SemanticCost(config, url, size, seedValue, reuse, mix, rounds, out, progress)
                  .run(json);
          Path file = out.resolve("bench-semantic-" + size + ".json");
          json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), result);
          SemanticCost.printTable(stdout, result);
          stdout.println("written " + file);
          continue;
        }
        // Named after the configured database, so benchmarks on one server never touch each other's
        // data; the hybrid lanes' databases also hold vectors.
        String kind = hybrid ? "_bench_hybrid_" : "_bench_";
        String url =
            embedded == null
                ? ScratchDatabase.beside(config.dbUrl().get(), kind + size)
                : embedded.jdbcUrl("lumbar" + kind + size);
        var settings =
            new Benchmark.Settings(
                size,
                seedValue,
                clients,
                duration,
                mix,
                reuse,
                Math.min(edits, size),
                out,
                url,
                hybrid);
        BenchResult result = new Benchmark(config, settings, progress).run();
        results.add(result);
        Path file = out.resolve((hybrid ? "bench-hybrid-" : "bench-") + size + ".json");
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), result);
        BenchReport.printTable(stdout, result);
        stdout.println("written " + file);
      }
      if (results.size() > 1) {
        Path markdown = out.resolve("bench.md");
        Path svg = out.resolve("bench.svg");
        Files.writeString(markdown, BenchReport.markdown(results));
        Files.writeString(svg, ScalingPlot.svg(results));
        stdout.println("written " + markdown + " and " + svg);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write results to " + out + ": " + e.getMessage(), e);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
    stdout.flush();
    return 0;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot create " + dir + ": " + e.getMessage());
    }
  }
}

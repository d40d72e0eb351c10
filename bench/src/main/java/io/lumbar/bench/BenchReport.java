package io.lumbar.bench;

import io.lumbar.bench.LoadRunner.Throughput;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures for people: a plain-text table per size, and a markdown table across
 * sizes.
 */
final class BenchReport {
  private static final String ROW = "%-26s %14s %18s %22s %14s %18s%n";

  private BenchReport() {}

  static void printTable(PrintWriter out, BenchResult r) {
    BenchResult.Run run = r.run();
    out.printf(
        "%nLumbar benchmark: %,d passages (seed %d), %d clients, %s s per system, %d queries, %s, %s%n",
        run.passages(),
        run.seed(),
        run.clients(),
        number(run.durationSeconds(), 1),
        run.queries(),
        run.hybrid() ? "hybrid (semantic search on for Lumbar's lanes)" : "lexical",
        run.jdk());
    out.printf(
        ROW,
        "",
        "Lumbar (HTTP)",
        "Lumbar in process",
        "Lucene alone *",
        "raw Lucene",
        "MariaDB FULLTEXT");
    out.printf(
        ROW,
        "bulk load (passages/s)",
        r.load().seconds() > 0 ? number(r.load().passagesPerSecond(), 0) : "reused",
        "",
        "",
        "",
        "");
    out.printf(
        ROW,
        "full reindex (passages/s)",
        number(r.indexing().lumbarPassagesPerSecond(), 0),
        "",
        number(r.indexing().documentsPassagesPerSecond(), 0),
        number(r.indexing().rawPassagesPerSecond(), 0),
        "");
    List<Throughput> lanes =
        List.of(
            r.search().lumbarHttp(),
            r.search().lumbarInProcess(),
            r.search().luceneLumbarQuery(),
            r.search().rawLucene(),
            r.search().mariadbFulltext());
    lane(out, "search (queries/s)", lanes, t -> number(t.qps(), 1));
    lane(out, "search p50 (ms)", lanes, t -> number(t.p50Ms(), 2));
    lane(out, "search p99 (ms)", lanes, t -> number(t.p99Ms(), 2));
    lane(out, "queries answered (errors)", lanes, BenchReport::answered);
    out.printf("* Lucene alone doing Lumbar's work: its documents (reindex), its query (search)%n");
    BenchResult.Search s = r.search();
    out.printf(
        "Lumbar HTTP QPS / in process:    %s%n",
        number(s.lumbarHttp().qps() / s.lumbarInProcess().qps(), 2));
    if (s.lumbarHttpUnique() != null) {
      out.printf(
          "no query repeats (each embedded): HTTP %s q/s (p50 %s / p99 %s ms), in process %s q/s (p50 %s / p99 %s ms), HTTP / in process %s%n",
          number(s.lumbarHttpUnique().qps(), 1),
          number(s.lumbarHttpUnique().p50Ms(), 2),
          number(s.lumbarHttpUnique().p99Ms(), 2),
          number(s.lumbarInProcessUnique().qps(), 1),
          number(s.lumbarInProcessUnique().p50Ms(), 2),
          number(s.lumbarInProcessUnique().p99Ms(), 2),
          number(s.lumbarHttpUnique().qps() / s.lumbarInProcessUnique().qps(), 2));
    }
    out.printf("Lumbar QPS / raw Lucene QPS:     %s%n", number(r.search().lumbarToRawQps(), 2));
    out.printf("Lumbar QPS / MariaDB QPS:        %s%n", number(r.search().lumbarToMariadbQps(), 1));
    out.printf(
        "reindex rate / raw Lucene rate:  %s (raw Lucene on %d threads)%n",
        number(r.indexing().lumbarToRaw(), 2), r.indexing().rawThreads());
    out.printf(
        "reindex rate / Lucene alone, Lumbar's documents:  %s%n",
        number(r.indexing().lumbarToDocuments(), 2));
    out.printf(
        "Lumbar QPS / Lucene alone, Lumbar's query:  %s%n",
        number(r.search().lumbarToLuceneQueryQps(), 2));
    out.printf(
        "edit -> searchable:              p50 %s ms, max %s ms (%d edits)%n",
        number(r.freshness().p50Ms(), 0), number(r.freshness().maxMs(), 0), r.freshness().edits());
    out.printf(
        "index on disk %s MB, heap after GC %s MB, RSS %s MB%n",
        megabytes(r.footprint().indexBytes()),
        megabytes(r.footprint().heapUsedBytes()),
        megabytes(r.footprint().rssBytes()));
    out.flush();
  }

  private static void lane(
      PrintWriter out,
      String name,
      List<Throughput> lanes,
      java.util.function.Function<Throughput, String> cell) {
    out.printf(
        ROW,
        name,
        cell.apply(lanes.get(0)),
        cell.apply(lanes.get(1)),
        cell.apply(lanes.get(2)),
        cell.apply(lanes.get(3)),
        cell.apply(lanes.get(4)));
  }

  /** One column per corpus size, one row per figure, so growth reads left to right. */
  static String markdown(List<BenchResult> results) {
    StringBuilder md = new StringBuilder();
    md.append("| figure |");
    results.forEach(
        r ->
            md.append(' ')
                .append(String.format(Locale.ROOT, "%,d", r.run().passages()))
                .append(" passages |"));
    md.append("\n| --- |");
    results.forEach(r -> md.append(" ---: |"));
    md.append('\n');
    row(
        md,
        "bulk load (passages/s)",
        results,
        r -> r.load().seconds() > 0 ? number(r.load().passagesPerSecond(), 0) : "reused");
    row(
        md,
        "full reindex, Lumbar (passages/s)",
        results,
        r -> number(r.indexing().lumbarPassagesPerSecond(), 0));
    row(
        md,
        "indexing, Lucene alone, Lumbar's documents (passages/s)",
        results,
        r -> number(r.indexing().documentsPassagesPerSecond(), 0));
    row(
        md,
        "indexing, raw Lucene (passages/s)",
        results,
        r -> number(r.indexing().rawPassagesPerSecond(), 0));
    row(
        md,
        "reindex / Lucene alone, Lumbar's documents",
        results,
        r -> number(r.indexing().lumbarToDocuments(), 2));
    row(md, "reindex / raw Lucene", results, r -> number(r.indexing().lumbarToRaw(), 2));
    row(md, "Lumbar HTTP (queries/s)", results, r -> number(r.search().lumbarHttp().qps(), 1));
    row(
        md,
        "Lumbar in process (queries/s)",
        results,
        r -> number(r.search().lumbarInProcess().qps(), 1));
    row(
        md,
        "Lucene alone, Lumbar's query (queries/s)",
        results,
        r -> number(r.search().luceneLumbarQuery().qps(), 1));
    row(md, "raw Lucene (queries/s)", results, r -> number(r.search().rawLucene().qps(), 1));
    row(
        md,
        "MariaDB FULLTEXT (queries/s)",
        results,
        r -> number(r.search().mariadbFulltext().qps(), 1));
    row(
        md,
        "Lumbar / Lucene alone with Lumbar's query QPS",
        results,
        r -> number(r.search().lumbarToLuceneQueryQps(), 2));
    row(md, "Lumbar / raw Lucene QPS", results, r -> number(r.search().lumbarToRawQps(), 2));
    row(md, "Lumbar / MariaDB QPS", results, r -> number(r.search().lumbarToMariadbQps(), 1));
    row(md, "Lumbar p50 / p99 (ms)", results, r -> latency(r.search().lumbarHttp()));
    row(
        md,
        "Lumbar in process p50 / p99 (ms)",
        results,
        r -> latency(r.search().lumbarInProcess()));
    row(
        md,
        "Lucene alone, Lumbar's query p50 / p99 (ms)",
        results,
        r -> latency(r.search().luceneLumbarQuery()));
    row(md, "raw Lucene p50 / p99 (ms)", results, r -> latency(r.search().rawLucene()));
    row(md, "MariaDB p50 / p99 (ms)", results, r -> latency(r.search().mariadbFulltext()));
    row(
        md,
        "edit → searchable p50 / max (ms)",
        results,
        r -> number(r.freshness().p50Ms(), 0) + " / " + number(r.freshness().maxMs(), 0));
    row(md, "index on disk (MB)", results, r -> megabytes(r.footprint().indexBytes()));
    row(md, "heap after GC (MB)", results, r -> megabytes(r.footprint().heapUsedBytes()));
    row(md, "process RSS (MB)", results, r -> megabytes(r.footprint().rssBytes()));
    return md.toString();
  }

  private static void row(
      StringBuilder md,
      String name,
      List<BenchResult> results,
      java.util.function.Function<BenchResult, String> cell) {
    md.append("| ").append(name).append(" |");
    results.forEach(r -> md.append(' ').append(cell.apply(r)).append(" |"));
    md.append('\n');
  }

  private static String answered(Throughput t) {
    return t.queries() + " (" + t.errors() + ")";
  }

  private static String latency(Throughput t) {
    return number(t.p50Ms(), 1) + " / " + number(t.p99Ms(), 1);
  }

  static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  private static String megabytes(long bytes) {
    return number(bytes / 1_048_576.0, 1);
  }
}

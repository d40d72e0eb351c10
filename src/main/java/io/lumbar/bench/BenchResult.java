package io.lumbar.bench;

import io.lumbar.bench.LoadRunner.Throughput;

/** Everything one benchmark run at one corpus size measured; written as JSON to {@code bench-<N>.json}. */
record BenchResult(Run run, Load load, Indexing indexing, Search search, Freshness freshness, Footprint footprint) {

  /** How and where it ran. */
  record Run(int passages, long seed, int clients, double durationSeconds, int queries, String date, String jdk,
      String os, int cpus, long maxHeapBytes, String database) {}

  /** {@code generate}: synthetic passages written to MariaDB (null figures when --reuse skipped it). */
  record Load(int passages, int articles, int passageTags, double seconds, double passagesPerSecond) {}

  /** Full reindex from MariaDB through Lumbar's rebuild, next to raw Lucene indexing the same texts. */
  record Indexing(int passages, double lumbarSeconds, double lumbarPassagesPerSecond, int rawThreads,
      double rawSeconds, double rawPassagesPerSecond, double lumbarToRaw) {}

  /**
   * The same query mix through Lumbar's HTTP API, through Lumbar's search called in process (what HTTP, JSON and
   * the client cost is the difference), raw Lucene in process, and MariaDB FULLTEXT.
   */
  record Search(Throughput lumbarHttp, Throughput lumbarInProcess, Throughput rawLucene, Throughput mariadbFulltext,
      double lumbarToRawQps, double lumbarToMariadbQps) {}

  /** Edit saved through the editor's path until /api/search finds its new word. */
  record Freshness(int edits, double p50Ms, double maxMs) {}

  /** Index on disk, server heap after a full GC, and resident memory of the whole process. */
  record Footprint(long indexBytes, long heapUsedBytes, long rssBytes) {}
}

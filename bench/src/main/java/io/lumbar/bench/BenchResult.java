package io.lumbar.bench;

import io.lumbar.bench.LoadRunner.Throughput;

/**
 * Everything one benchmark run at one corpus size measured; written as JSON to {@code
 * bench-<N>.json}.
 */
record BenchResult(
    Run run,
    Load load,
    Indexing indexing,
    Search search,
    Freshness freshness,
    Footprint footprint) {

  /** How and where it ran. */
  record Run(
      int passages,
      long seed,
      int clients,
      double durationSeconds,
      int queries,
      String date,
      String jdk,
      String os,
      int cpus,
      long maxHeapBytes,
      String database,
      boolean hybrid) {}

  /**
   * {@code generate}: synthetic passages written to MariaDB (null figures when --reuse skipped it).
   */
  record Load(
      int passages, int articles, int passageTags, double seconds, double passagesPerSecond) {}

  /**
   * Full reindex from MariaDB through Lumbar's rebuild; Lucene alone adding the same documents from
   * memory (what reading MariaDB, batching and the threads cost is the difference); raw Lucene
   * indexing the texts as one field (what Lumbar's fields beyond the text cost is the difference).
   * All on {@code rawThreads} threads.
   */
  record Indexing(
      int passages,
      double lumbarSeconds,
      double lumbarPassagesPerSecond,
      int rawThreads,
      double documentsSeconds,
      double documentsPassagesPerSecond,
      double lumbarToDocuments,
      double rawSeconds,
      double rawPassagesPerSecond,
      double lumbarToRaw) {}

  /**
   * The same query mix through Lumbar's HTTP API; through Lumbar's search called in process (what
   * HTTP, JSON and the client cost is the difference); Lucene alone running the query Lumbar
   * builds, top ten and their stored fields (what snippets, facets and the boosts of the best
   * matches cost is the difference to in process); raw Lucene's plain OR in the text field (what
   * Lumbar's richer query costs is the difference); MariaDB FULLTEXT. With --hybrid (semantic
   * search on for Lumbar's lanes), also Lumbar over HTTP and in process on a stream where no query
   * repeats, so every search embeds its query (null otherwise).
   */
  record Search(
      Throughput lumbarHttp,
      Throughput lumbarInProcess,
      Throughput luceneLumbarQuery,
      Throughput rawLucene,
      Throughput mariadbFulltext,
      Throughput lumbarHttpUnique,
      Throughput lumbarInProcessUnique,
      double lumbarToLuceneQueryQps,
      double lumbarToRawQps,
      double lumbarToMariadbQps) {}

  /** Edit saved through the editor's path until /api/search finds its new word. */
  record Freshness(int edits, double p50Ms, double maxMs) {}

  /** Index on disk, server heap after a full GC, and resident memory of the whole process. */
  record Footprint(long indexBytes, long heapUsedBytes, long rssBytes) {}
}

package io.lumbar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.cli.Backend;
import io.lumbar.config.Config;
import io.lumbar.db.Database;
import io.lumbar.db.SectionPaths;
import io.lumbar.indexing.StoredVectors;
import io.lumbar.indexing.VectorBytes;
import io.lumbar.scratch.ScratchDatabase;
import io.lumbar.scratch.ScratchFolder;
import io.lumbar.search.QueryVectors;
import io.lumbar.search.SearchRequest;
import io.lumbar.search.SearchService;
import io.lumbar.semantic.CachedQueryVectors;
import io.lumbar.semantic.TextEmbedder;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * {@code lumbar bench --semantic --passages N}: what semantic search costs at N synthetic passages,
 * in process. Embedding time is measured with the real model on the first {@link #EMBEDDED}
 * passages. The other passages get stored vectors made from those real ones (each a real vector
 * plus noise, unit length), because embedding 100 k passages takes more than half an hour of one
 * core: the rebuild, the graph, memory and search latency only depend on there being one stored
 * vector per passage, not on what it says. Then: a full rebuild from MariaDB with and without
 * vectors (passages/s), heap after a full collection and resident memory with the model loaded and
 * the index open, and search latency in process (hybrid and lexical, query vectors cached; a
 * query's first search, which embeds it, timed apart).
 */
final class SemanticCost {
  /** Passages embedded by the real model, timed; their vectors seed the others. */
  static final int EMBEDDED = 200;

  private static final int WARM_UP_EMBEDDINGS = 10;
  private static final int VECTORS_PER_STATEMENT = 500;

  /**
   * Spread of the noise added to a real vector, per dimension: neighbours stay about as close as
   * real ones.
   */
  private static final double NOISE = 0.02;

  private static final String PASSAGES =
      """
      SELECT p.id, a.title, p.section_path, p.heading, p.text FROM passages p JOIN articles a ON a.id = p.article_id
       WHERE p.status = 'published' ORDER BY p.id LIMIT ?
      """;
  private static final String IDS =
      "SELECT id FROM passages WHERE status = 'published' ORDER BY id";

  /**
   * The hash that makes a stored vector current is set afterwards for all rows at once (one
   * statement).
   */
  private static final String MARK_CURRENT =
      """
      UPDATE passage_vectors v JOIN passages p ON p.id = v.passage_id SET v.text_hash = %s WHERE v.model = ?
      """
          .formatted(StoredVectors.EMBEDDED_TEXT_HASH);

  /** Everything measured; written to {@code bench-semantic-<N>.json}. */
  record Result(
      int passages,
      String model,
      String date,
      String jdk,
      int cpus,
      double loadAverageStart,
      double loadAverageEnd,
      double embedMsMean,
      double embedMsP50,
      double vectorsStoredSeconds,
      double rebuildLexicalSeconds,
      double rebuildLexicalPerSecond,
      double rebuildSemanticSeconds,
      double rebuildSemanticPerSecond,
      long indexBytesLexical,
      long indexBytesSemantic,
      double rssBeforeModelMb,
      double rssWithModelMb,
      double rssEndMb,
      double heapAfterGcMb,
      int queries,
      int rounds,
      double uncachedQueryP50Ms,
      double hybridP50Ms,
      double hybridP99Ms,
      double lexicalP50Ms,
      double lexicalP99Ms) {}

  private final Config base;
  private final String url;
  private final int passages;
  private final long seed;
  private final boolean reuse;
  private final List<String> queries;
  private final int rounds;
  private final Path out;
  private final PrintWriter log;

  SemanticCost(
      Config base,
      String url,
      int passages,
      long seed,
      boolean reuse,
      List<String> queries,
      int rounds,
      Path out,
      PrintWriter log) {
    this.base = base;
    this.url = url;
    this.passages = passages;
    this.seed = seed;
    this.reuse = reuse;
    this.queries = queries;
    this.rounds = rounds;
    this.out = out;
    this.log = log;
  }

  Result run(ObjectMapper json) {
    double loadStart = loadAverage();
    Config lexicalConfig =
        base.withDatabase(url, base.dbUser(), base.dbPassword())
            .withImportSamples(false)
            .withPort(0)
            .withSemantic(false)
            .withIndexDir(out.resolve("semantic-cost-lexical-" + passages));
    Config semanticConfig =
        lexicalConfig
            .withSemantic(true)
            .withIndexDir(out.resolve("semantic-cost-vectors-" + passages));
    load(lexicalConfig, json);
    double rssBeforeModel = Benchmark.residentBytes() / 1e6;
    TextEmbedder embedder = TextEmbedder.load(Optional.empty());
    double rssWithModel = Benchmark.residentBytes() / 1e6;
    double[] embedMillis;
    double vectorsSeconds;
    try (Database db = Database.open(url, base.dbUser(), base.dbPassword())) {
      step("embedding the first " + EMBEDDED + " passages with " + embedder.name() + ", timed");
      List<float[]> real = new ArrayList<>();
      embedMillis = embedSample(db, embedder, real);
      step(
          "storing vectors for all "
              + passages
              + " passages ("
              + real.size()
              + " real, the rest real ones plus noise)");
      long started = System.nanoTime();
      storeVectors(db, embedder.name(), real, seed);
      vectorsSeconds = (System.nanoTime() - started) / 1e9;
    }
    double[] lexicalRebuild = rebuild(lexicalConfig, "without vectors");
    long lexicalBytes = Benchmark.treeSize(lexicalConfig.indexDir());
    ScratchFolder.delete(lexicalConfig.indexDir());
    double[] semanticRebuild = rebuild(semanticConfig, "with stored vectors");
    long semanticBytes = Benchmark.treeSize(semanticConfig.indexDir());
    Result result;
    try (Backend backend = Backend.open(semanticConfig, true)) {
      backend.follower().catchUp();
      QueryVectors vectors = new CachedQueryVectors(embedder);
      SearchService hybrid =
          SearchService.hybrid(backend.index(), backend.vocabulary(), vectors, backend.fusion());
      SearchService lexical = new SearchService(backend.index(), backend.vocabulary());
      step(
          "searching: "
              + queries.size()
              + " queries, first searches (each embeds its query), then "
              + rounds
              + " rounds each of hybrid and lexical");
      // Compiled first on the lexical path, so the first searches time embedding, not the JIT.
      time(lexical, 1);
      long[] uncached = time(hybrid, 1);
      long[] hybridNanos = time(hybrid, rounds);
      long[] lexicalNanos = time(lexical, rounds);
      System.gc();
      double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
      double rssEnd = Benchmark.residentBytes() / 1e6;
      result =
          new Result(
              passages,
              embedder.name(),
              java.time.Instant.now().toString(),
              System.getProperty("java.vm.name") + " " + Runtime.version(),
              Runtime.getRuntime().availableProcessors(),
              loadStart,
              loadAverage(),
              mean(embedMillis),
              percentile(embedMillis, 50),
              vectorsSeconds,
              lexicalRebuild[0],
              lexicalRebuild[1],
              semanticRebuild[0],
              semanticRebuild[1],
              lexicalBytes,
              semanticBytes,
              rssBeforeModel,
              rssWithModel,
              rssEnd,
              heap,
              queries.size(),
              rounds,
              percentileMillis(uncached, 50),
              percentileMillis(hybridNanos, 50),
              percentileMillis(hybridNanos, 99),
              percentileMillis(lexicalNanos, 50),
              percentileMillis(lexicalNanos, 99));
    }
    ScratchFolder.delete(semanticConfig.indexDir());
    return result;
  }

  static void printTable(PrintWriter out, Result r) {
    out.printf(
        Locale.ROOT,
        "semantic cost at %,d passages (%s; load average %.1f at the start, %.1f at the end)%n",
        r.passages(),
        r.model(),
        r.loadAverageStart(),
        r.loadAverageEnd());
    out.printf(
        Locale.ROOT,
        "  embedding a passage (real model, %d passages): mean %.1f ms, p50 %.1f ms%n",
        EMBEDDED,
        r.embedMsMean(),
        r.embedMsP50());
    out.printf(
        Locale.ROOT,
        "  rebuild from MariaDB: %.0f passages/s without vectors (%.1f s), %.0f passages/s with stored vectors (%.1f s)%n",
        r.rebuildLexicalPerSecond(),
        r.rebuildLexicalSeconds(),
        r.rebuildSemanticPerSecond(),
        r.rebuildSemanticSeconds());
    out.printf(
        Locale.ROOT,
        "  index on disk: %.0f MB without vectors, %.0f MB with%n",
        r.indexBytesLexical() / 1e6,
        r.indexBytesSemantic() / 1e6);
    out.printf(
        Locale.ROOT,
        "  memory: RSS %.0f MB before the model, %.0f MB with it, %.0f MB with the index open after searching; heap after a full GC %.0f MB%n",
        r.rssBeforeModelMb(),
        r.rssWithModelMb(),
        r.rssEndMb(),
        r.heapAfterGcMb());
    out.printf(
        Locale.ROOT,
        "  search in process (%d queries x %d rounds): hybrid p50 %.2f / p99 %.2f ms; lexical p50 %.2f / p99 %.2f ms; "
            + "a query's first search (embeds it) p50 %.2f ms%n",
        r.queries(),
        r.rounds(),
        r.hybridP50Ms(),
        r.hybridP99Ms(),
        r.lexicalP50Ms(),
        r.lexicalP99Ms(),
        r.uncachedQueryP50Ms());
  }

  private void load(Config config, ObjectMapper json) {
    if (!reuse) {
      ScratchDatabase.dropIfExists(url, config.dbUser(), config.dbPassword());
    }
    try (Database db = Database.open(url, config.dbUser(), config.dbPassword())) {
      long existing = Benchmark.count(db, "SELECT COUNT(*) FROM passages");
      if (existing == passages) {
        step("reusing the " + existing + " passages of database '" + db.name() + "'");
        return;
      }
      if (existing > 0) {
        throw new IllegalArgumentException(
            "--reuse: database '"
                + db.name()
                + "' has "
                + existing
                + " passages, not "
                + passages
                + "; run without --reuse to recreate it");
      }
      step("generating " + passages + " passages into database '" + db.name() + "'");
      CorpusLoader.load(
          db, new SyntheticCorpus(BundledLanguage.load(json), passages, seed), json, count -> {});
    }
  }

  static double[] embedSample(Database db, TextEmbedder embedder, List<float[]> vectors) {
    record Text(String title, List<String> sectionPath, String heading, String text) {}
    List<Text> texts =
        db.read(
            c -> {
              try (PreparedStatement st = c.prepareStatement(PASSAGES)) {
                st.setInt(1, EMBEDDED);
                List<Text> list = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                  while (rs.next()) {
                    list.add(
                        new Text(
                            rs.getString(2),
                            SectionPaths.fromColumn(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5)));
                  }
                }
                return list;
              }
            });
    for (Text t : texts.subList(0, Math.min(WARM_UP_EMBEDDINGS, texts.size()))) {
      embedder.passage(t.title(), t.sectionPath(), t.heading(), t.text());
    }
    double[] millis = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      Text t = texts.get(i);
      long started = System.nanoTime();
      vectors.add(embedder.passage(t.title(), t.sectionPath(), t.heading(), t.text()));
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    return millis;
  }

  /**
   * The real vectors for the first passages, a noisy copy of one of them for every other; then all
   * made current.
   */
  static void storeVectors(Database db, String model, List<float[]> real, long seed) {
    List<Long> ids =
        db.read(
            c -> {
              List<Long> list = new ArrayList<>();
              try (var st = c.createStatement();
                  ResultSet rs = st.executeQuery(IDS)) {
                while (rs.next()) {
                  list.add(rs.getLong(1));
                }
              }
              return list;
            });
    Random random = new Random(seed);
    for (int from = 0; from < ids.size(); from += VECTORS_PER_STATEMENT) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + VECTORS_PER_STATEMENT));
      int offset = from;
      db.inTransaction(
          c -> {
            try (PreparedStatement st =
                c.prepareStatement(
                    """
            INSERT INTO passage_vectors (passage_id, model, text_hash, dims, vector) VALUES (?, ?, '', ?, ?)
            ON DUPLICATE KEY UPDATE vector = VALUES(vector), dims = VALUES(dims)
            """)) {
              for (int i = 0; i < chunk.size(); i++) {
                int n = offset + i;
                float[] v =
                    n < real.size()
                        ? real.get(n)
                        : noisy(real.get(random.nextInt(real.size())), random);
                st.setLong(1, chunk.get(i));
                st.setString(2, model);
                st.setInt(3, v.length);
                st.setBytes(4, VectorBytes.encode(v));
                st.addBatch();
              }
              st.executeBatch();
            }
            return null;
          });
    }
    db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(MARK_CURRENT)) {
            st.setString(1, model);
            return st.executeUpdate();
          }
        });
  }

  private static float[] noisy(float[] vector, Random random) {
    float[] v = new float[vector.length];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (vector[i] + random.nextGaussian() * NOISE);
      norm += v[i] * v[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
    return v;
  }

  /** A full rebuild into a fresh index folder: seconds and passages per second. */
  private double[] rebuild(Config config, String what) {
    ScratchFolder.delete(config.indexDir());
    step("full rebuild from MariaDB " + what);
    try (Backend backend = Backend.open(config, true)) {
      long started = System.nanoTime();
      int indexed = backend.follower().rebuild(count -> {});
      double seconds = (System.nanoTime() - started) / 1e9;
      if (indexed != passages) {
        throw new IllegalStateException(
            "The rebuild indexed " + indexed + " passages, the database holds " + passages);
      }
      return new double[] {seconds, indexed / seconds};
    }
  }

  private long[] time(SearchService search, int rounds) {
    long[] nanos = new long[rounds * queries.size()];
    int i = 0;
    for (int round = 0; round < rounds; round++) {
      for (String q : queries) {
        long started = System.nanoTime();
        search.search(SearchRequest.firstPage(q, 10));
        nanos[i++] = System.nanoTime() - started;
      }
    }
    return nanos;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(0);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length == 0
        ? 0
        : sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
  }

  private static double percentileMillis(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted.length == 0
        ? 0
        : sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
  }

  private void step(String what) {
    log.println("[semantic] " + what);
    log.flush();
  }
}

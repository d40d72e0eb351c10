package io.lumbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.bench.LoadRunner.Throughput;
import io.lumbar.cli.Backend;
import io.lumbar.config.Config;
import io.lumbar.db.Database;
import io.lumbar.importing.SiteTemplate;
import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.Indexing;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.passages.EditablePassage;
import io.lumbar.passages.PassageEdit;
import io.lumbar.passages.PassageEditor;
import io.lumbar.scratch.ScratchDatabase;
import io.lumbar.scratch.ScratchFolder;
import io.lumbar.search.Analysis;
import io.lumbar.search.SearchFeatures;
import io.lumbar.search.SearchRequest;
import io.lumbar.search.SearchService;
import io.lumbar.search.SymptomQuery;
import io.lumbar.semantic.TextEmbedder;
import io.lumbar.server.App;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * One benchmark run at one corpus size, in the order the figures depend on each other: load the
 * corpus into a scratch database, rebuild Lumbar's index from it (and raw Lucene from the same
 * texts), serve it with the real app, then search, edit and measure memory.
 */
final class Benchmark {
  /** How to run; {@code scratchDatabaseUrl} is where this size's scratch database lives. */
  record Settings(
      int passages,
      long seed,
      int clients,
      double durationSeconds,
      List<String> queries,
      boolean reuse,
      int edits,
      Path outDir,
      String scratchDatabaseUrl,
      boolean hybrid) {
    double warmupSeconds() {
      return Math.min(5, durationSeconds / 4);
    }

    /**
     * Before the first measured lane, the query mix runs this long over HTTP and again in process,
     * unmeasured: the JIT compiles Lucene's and Lumbar's paths once for all lanes, instead of the
     * lane measured first paying for it (over HTTP, that was a third of its queries per second at a
     * 10 s duration).
     */
    double jitWarmupSeconds() {
      return Math.min(20, durationSeconds);
    }
  }

  private static final String MARIADB_SEARCH =
      """
      SELECT id, text FROM passages WHERE MATCH (text) AGAINST (? IN NATURAL LANGUAGE MODE) LIMIT 10
      """;
  private static final String PUBLISHED_TEXTS =
      """
      SELECT text FROM passages WHERE status = 'published' ORDER BY id LIMIT ?
      """;
  private static final int JIT_WARMUP_PASSAGES = 20_000;

  /**
   * The search lanes on Lumbar's index take turns this many times, so a drift in the machine's
   * speed hits all alike.
   */
  static final int TURNS = 5;

  private static final String PASSAGE_COUNT = "SELECT COUNT(*) FROM passages";
  private static final String STORED_VECTORS =
      "SELECT COUNT(*) FROM passage_vectors WHERE model = ?";
  private static final long EDIT_TIMEOUT_NANOS = Duration.ofSeconds(30).toNanos();

  private final Config base;
  private final Settings settings;
  private final PrintWriter log;
  private final ObjectMapper json = io.lumbar.web.Json.mapper();

  Benchmark(Config base, Settings settings, PrintWriter log) {
    this.base = base;
    this.settings = settings;
    this.log = log;
  }

  BenchResult run() {
    Path indexDir = settings.outDir().resolve("index-" + settings.passages());
    // Lexical lanes unless --hybrid. With semantic search on, every passage gets a stored vector
    // before the rebuild (see storeVectors), so the server's worker has nothing to embed during the
    // run and the HTTP and in-process lanes rank alike.
    Config config =
        base.withDatabase(settings.scratchDatabaseUrl(), base.dbUser(), base.dbPassword())
            .withIndexDir(indexDir)
            .withImportSamples(false)
            .withPort(0)
            .withSemantic(settings.hybrid());
    BenchResult.Load load = load(config);
    if (settings.hybrid()) {
      storeVectors(config);
    }
    ScratchFolder.delete(indexDir);
    BenchResult.Indexing indexing = reindex(config);
    // Measured as committed by the rebuild: while serving, uncommitted near-real-time segments come
    // and go.
    long indexBytes = treeSize(indexDir);
    step("starting Lumbar on the index");
    try (App app = App.start(config)) {
      BenchResult.Search search = search(app, indexDir);
      BenchResult.Freshness freshness = edits(app);
      BenchResult.Footprint footprint = footprint(indexBytes);
      return new BenchResult(runInfo(), load, indexing, search, freshness, footprint);
    }
  }

  private BenchResult.Load load(Config config) {
    if (!settings.reuse()) {
      ScratchDatabase.dropIfExists(
          settings.scratchDatabaseUrl(), config.dbUser(), config.dbPassword());
    }
    try (Database db =
        Database.open(settings.scratchDatabaseUrl(), config.dbUser(), config.dbPassword())) {
      long existing = count(db, PASSAGE_COUNT);
      if (existing > 0) {
        if (existing != settings.passages()) {
          throw new IllegalArgumentException(
              "--reuse: database '"
                  + db.name()
                  + "' has "
                  + existing
                  + " passages, not "
                  + settings.passages()
                  + "; run without --reuse to recreate it");
        }
        step("reusing the " + existing + " passages of database '" + db.name() + "'");
        return new BenchResult.Load(settings.passages(), 0, 0, 0, 0);
      }
      step("generating " + settings.passages() + " passages into database '" + db.name() + "'");
      CorpusLoader.Loaded loaded =
          CorpusLoader.load(
              db,
              new SyntheticCorpus(BundledLanguage.load(json), settings.passages(), settings.seed()),
              json,
              count -> {});
      return new BenchResult.Load(
          loaded.passages(),
          loaded.articles(),
          loaded.passageTags(),
          loaded.nanos() / 1e9,
          loaded.passagesPerSecond());
    }
  }

  private BenchResult.Indexing reindex(Config config) {
    int threads = Indexing.rebuildThreads();
    Analyzer analyzer = Analysis.bundled().indexAnalyzer();
    Path rawDir = settings.outDir().resolve("raw-index-" + settings.passages());
    // Analysis and Lucene's indexing chain are most of both sides' work: compiled before either is
    // timed, so
    // the side timed first does not pay for the JIT alone.
    int sample = Math.min(settings.passages(), JIT_WARMUP_PASSAGES);
    step(
        "warming up the JIT: "
            + sample
            + " texts indexed as Lumbar's documents and as raw Lucene's, unmeasured");
    List<String> warmup = publishedTexts(config, sample);
    ScratchFolder.delete(rawDir);
    LuceneAlone.onLumbarDocuments(LuceneAlone.untagged(warmup), analyzer, rawDir, threads);
    ScratchFolder.delete(rawDir);
    RawLucene.index(warmup, analyzer, rawDir, threads);
    ScratchFolder.delete(rawDir);
    step("full reindex from MariaDB through Lumbar's rebuild");
    int indexed;
    long lumbarNanos;
    try (Backend backend = Backend.open(config, true)) {
      long started = System.nanoTime();
      indexed = backend.follower().rebuild(count -> {});
      lumbarNanos = System.nanoTime() - started;
    }
    // Read once, untimed, for both in-memory lanes: Lucene alone on the same documents, raw Lucene
    // on their texts.
    List<IndexedPassage> passages;
    try (Database db =
        Database.open(settings.scratchDatabaseUrl(), config.dbUser(), config.dbPassword())) {
      passages = LuceneAlone.readPublished(db);
    }
    if (passages.size() != indexed) {
      throw new IllegalStateException(
          "The database holds "
              + passages.size()
              + " published passages, the rebuild indexed "
              + indexed);
    }
    step(
        "Lucene alone indexing Lumbar's documents, read into memory first, on "
            + threads
            + " threads");
    long documentsNanos = LuceneAlone.onLumbarDocuments(passages, analyzer, rawDir, threads);
    ScratchFolder.delete(rawDir);
    step("raw Lucene indexing the same texts on " + threads + " threads");
    List<String> texts = passages.stream().map(IndexedPassage::text).toList();
    long rawNanos = RawLucene.index(texts, analyzer, rawDir, threads);
    ScratchFolder.delete(rawDir);
    double lumbarRate = indexed / (lumbarNanos / 1e9);
    double documentsRate = passages.size() / (documentsNanos / 1e9);
    double rawRate = texts.size() / (rawNanos / 1e9);
    return new BenchResult.Indexing(
        indexed,
        lumbarNanos / 1e9,
        lumbarRate,
        threads,
        documentsNanos / 1e9,
        documentsRate,
        lumbarRate / documentsRate,
        rawNanos / 1e9,
        rawRate,
        lumbarRate / rawRate);
  }

  /**
   * For the hybrid lanes: a current vector for every published passage, as {@code bench --semantic}
   * makes them ({@link SemanticCost#EMBEDDED} embedded by the model, the others real ones plus
   * noise: embedding 100 k passages takes more than half an hour of a core). Kept when the database
   * already holds one per passage (--reuse).
   */
  private void storeVectors(Config config) {
    TextEmbedder embedder = TextEmbedder.load(config.semanticModel());
    try (Database db =
        Database.open(settings.scratchDatabaseUrl(), config.dbUser(), config.dbPassword())) {
      long stored =
          db.read(
              c -> {
                try (PreparedStatement st = c.prepareStatement(STORED_VECTORS)) {
                  st.setString(1, embedder.name());
                  try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                  }
                }
              });
      if (stored == settings.passages()) {
        step("reusing the stored vectors of all " + stored + " passages");
        return;
      }
      step(
          "storing a vector for each of "
              + settings.passages()
              + " passages ("
              + SemanticCost.EMBEDDED
              + " embedded by "
              + embedder.name()
              + ", the rest real ones plus noise)");
      List<float[]> real = new ArrayList<>();
      SemanticCost.embedSample(db, embedder, real);
      SemanticCost.storeVectors(db, embedder.name(), real, settings.seed());
    }
  }

  private List<String> publishedTexts(Config config, int limit) {
    try (Database db =
        Database.open(settings.scratchDatabaseUrl(), config.dbUser(), config.dbPassword())) {
      return db.read(
          c -> {
            List<String> all = new ArrayList<>(limit);
            try (PreparedStatement st = c.prepareStatement(PUBLISHED_TEXTS)) {
              st.setInt(1, limit);
              try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                  all.add(rs.getString(1));
                }
              }
            }
            return all;
          });
    }
  }

  /**
   * The Lucene query a search runs, planned as the server's search plans it (all features, the live
   * vocabulary), without the boosts, facets and snippets done around it.
   */
  private static RawLucene.Planner lumbarsQuery(App app) {
    return (text, reader) ->
        new SymptomQuery(app.backend().vocabulary().get(), reader, SearchFeatures.ALL)
            .plan(SearchRequest.firstPage(text, 10))
            .query();
  }

  /**
   * Lumbar's search as the server runs it: lexical, or with --hybrid fused with the nearest
   * passages by meaning, sharing the server's query-vector cache (a repeating mix hits it, as the
   * server's own searches do).
   */
  private SearchService inProcessSearch(App app) {
    if (!settings.hybrid()) {
      return new SearchService(app.backend().index(), app.backend().vocabulary());
    }
    return SearchService.hybrid(
        app.backend().index(),
        app.backend().vocabulary(),
        app.backend()
            .semantic()
            .queryVectors()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Semantic search did not start: "
                            + app.backend().semantic().failure().orElse("unknown"))),
        app.backend().fusion());
  }

  private BenchResult.Search search(App app, Path indexDir) {
    List<String> queries = settings.queries();
    double warmup = settings.warmupSeconds();
    double seconds = settings.durationSeconds();
    int clients = settings.clients();
    SearchService lumbar = inProcessSearch(app);
    LoadRunner.Searcher inProcess =
        query -> lumbar.search(SearchRequest.firstPage(query, 10)).results().size();
    // One kept-alive connection per client, as a load generator such as wrk keeps; a client takes
    // one free
    // connection per search, so the connections outlive the client threads of each turn.
    BlockingQueue<KeepAliveHttp> connections = new ArrayBlockingQueue<>(clients);
    for (int i = 0; i < clients; i++) {
      connections.add(new KeepAliveHttp("127.0.0.1", app.port()));
    }
    LoadRunner.Searcher overHttp =
        query -> {
          KeepAliveHttp connection = connections.take();
          try {
            KeepAliveHttp.Response response = connection.get(searchPath(query, 10));
            if (response.status() != 200) {
              throw new IllegalStateException(
                  "/api/search answered " + response.status() + " for '" + query + "'");
            }
            return response.body().length;
          } finally {
            connections.add(connection);
          }
        };
    Path live = PassageIndex.liveFolder(indexDir);
    List<Throughput> lanes;
    try (RawLucene.Searcher luceneAlone =
            new RawLucene.Searcher(live, lumbarsQuery(app), LuceneAlone.similarity());
        RawLucene.Searcher raw =
            new RawLucene.Searcher(
                live,
                RawLucene.Searcher.plainOr(Analysis.bundled().indexAnalyzer()),
                new BM25Similarity())) {
      step(
          "warming up the JIT: the mix over HTTP, then in process, "
              + settings.jitWarmupSeconds()
              + " s each");
      LoadRunner.run(queries, clients, 0, settings.jitWarmupSeconds(), overHttp);
      LoadRunner.run(queries, clients, 0, settings.jitWarmupSeconds(), inProcess);
      step(
          "Lumbar over HTTP, Lumbar in process, Lucene alone running Lumbar's query and raw Lucene on the same index, "
              + "taking turns: "
              + clients
              + " clients, "
              + seconds
              + " s each in "
              + TURNS
              + " turns");
      List<LoadRunner.Searcher> systems =
          new ArrayList<>(List.of(overHttp, inProcess, luceneAlone, raw));
      if (settings.hybrid()) {
        // A stream where no query repeats, shared by both lanes: every search embeds its query.
        QueryStream unique =
            QueryStream.unique(queries, QueryStream.bundledWords(BundledLanguage.load(json)));
        systems.add(query -> overHttp.search(unique.next(null)));
        systems.add(query -> inProcess.search(unique.next(null)));
      }
      lanes = LoadRunner.interleaved(queries, clients, warmup, seconds, TURNS, systems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      connections.forEach(KeepAliveHttp::close);
    }
    Throughput http = lanes.get(0);
    Throughput lumbarInProcess = lanes.get(1);
    Throughput rawLumbarQuery = lanes.get(2);
    Throughput raw = lanes.get(3);
    step("MariaDB MATCH ... AGAINST: " + clients + " threads, " + seconds + " s");
    Database db = app.backend().database();
    Throughput mariadb =
        LoadRunner.run(
            queries,
            clients,
            warmup,
            seconds,
            query ->
                db.read(
                    c -> {
                      try (PreparedStatement st = c.prepareStatement(MARIADB_SEARCH)) {
                        st.setString(1, query);
                        long hits = 0;
                        try (ResultSet rs = st.executeQuery()) {
                          while (rs.next()) {
                            rs.getString(2);
                            hits++;
                          }
                        }
                        return hits;
                      }
                    }));
    return new BenchResult.Search(
        http,
        lumbarInProcess,
        rawLumbarQuery,
        raw,
        mariadb,
        settings.hybrid() ? lanes.get(4) : null,
        settings.hybrid() ? lanes.get(5) : null,
        http.qps() / rawLumbarQuery.qps(),
        http.qps() / raw.qps(),
        http.qps() / mariadb.qps());
  }

  /** Saves passages through the editors' path and polls search until each new word is found. */
  private BenchResult.Freshness edits(App app) {
    step(settings.edits() + " edits, each polled in search until visible");
    PassageEditor editor = new PassageEditor(app.backend().database(), SiteTemplate::learn);
    String nonce = letters(System.currentTimeMillis());
    double[] millis = new double[settings.edits()];
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      for (int i = 0; i < settings.edits(); i++) {
        long id = 1 + (long) i * settings.passages() / settings.edits();
        EditablePassage passage = editor.find(id);
        String word = "benchmarkword" + nonce + "x" + letters(i);
        long started = System.nanoTime();
        var outcome =
            editor.save(
                id,
                passage.version(),
                new PassageEdit(passage.heading(), passage.text() + " " + word, "published", null),
                "bench",
                "passage.edit");
        if (!(outcome instanceof PassageEditor.Saved)) {
          throw new IllegalStateException(
              "Passage " + id + " changed while the benchmark edited it");
        }
        while (total(client, app, word) == 0) {
          if (System.nanoTime() - started > EDIT_TIMEOUT_NANOS) {
            throw new IllegalStateException(
                "An edit of passage " + id + " was not searchable after 30 s");
          }
          Thread.sleep(2);
        }
        millis[i] = (System.nanoTime() - started) / 1e6;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Arrays.sort(millis);
    return new BenchResult.Freshness(
        millis.length, millis[(millis.length - 1) / 2], millis[millis.length - 1]);
  }

  private long total(HttpClient client, App app, String word)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(searchUri(app, word, 1)).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = json.readTree(response.body());
    return body.path("total").asLong();
  }

  private BenchResult.Footprint footprint(long indexBytes) {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new BenchResult.Footprint(indexBytes, heap, residentBytes());
  }

  private BenchResult.Run runInfo() {
    return new BenchResult.Run(
        settings.passages(),
        settings.seed(),
        settings.clients(),
        settings.durationSeconds(),
        settings.queries().size(),
        Instant.now().toString(),
        System.getProperty("java.vm.name") + " " + Runtime.version(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory(),
        settings.scratchDatabaseUrl(),
        settings.hybrid());
  }

  private static URI searchUri(App app, String query, int limit) {
    return URI.create("http://localhost:" + app.port() + searchPath(query, limit));
  }

  private static String searchPath(String query, int limit) {
    return "/api/search?limit=" + limit + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private void step(String what) {
    log.println("[" + settings.passages() + "] " + what);
    log.flush();
  }

  /** Lower-case letters only, so the analyzer keeps the word whole and it cannot be a number. */
  static String letters(long value) {
    StringBuilder out = new StringBuilder();
    long rest = Math.abs(value);
    do {
      out.append((char) ('a' + rest % 26));
      rest /= 26;
    } while (rest > 0);
    return out.toString();
  }

  static long count(Database db, String sql) {
    return db.read(
        c -> {
          try (var st = c.createStatement();
              var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** VmRSS of this process from /proc, in bytes; 0 where there is no /proc (not Linux). */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  static long treeSize(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.lumbar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.admin.Jobs;
import io.lumbar.analytics.SearchAnalytics;
import io.lumbar.config.CommandContext;
import io.lumbar.config.Config;
import io.lumbar.db.Database;
import io.lumbar.db.EmbeddedMariaDb;
import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.BundledCorpus;
import io.lumbar.indexing.IndexFollower;
import io.lumbar.indexing.Indexing;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.Analysis;
import io.lumbar.search.FusionWeights;
import io.lumbar.search.LiveVocabulary;
import io.lumbar.semantic.Semantic;
import io.lumbar.tagging.BundledTaxonomy;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every command needs: the database (embedded when none is configured), the analysis, and,
 * when asked for, the index with its change-log follower. Closed in reverse order of opening.
 */
public final class Backend implements CommandContext.OpenDatabase {
  private static final Logger log = LoggerFactory.getLogger(Backend.class);
  private static final String SYSTEM_ACTOR = "system";

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final ObjectMapper json = io.lumbar.web.Json.mapper();
  private Database database;
  private Analysis analysis;
  private LiveVocabulary vocabulary;
  private final Jobs jobs = new Jobs();
  private PassageIndex index;
  private IndexFollower follower;
  private Semantic semantic;
  private SearchAnalytics searchAnalytics;
  private FusionWeights fusion;

  private Backend() {}

  public static Backend open(Config config, boolean withIndex) {
    Backend backend = new Backend();
    backend.fusion = fusion(config);
    try {
      String url;
      if (config.dbUrl().isPresent()) {
        url = config.dbUrl().get();
      } else {
        EmbeddedMariaDb embedded =
            EmbeddedMariaDb.start(config.embeddedDbDir(), config.embeddedDbPort());
        backend.opened.add(embedded);
        url = embedded.jdbcUrl("lumbar");
      }
      backend.database = Database.open(url, config.dbUser(), config.dbPassword());
      backend.opened.add(backend.database);
      // Opened right after the database so it is closed right before it: its last batch can still
      // be written.
      backend.searchAnalytics = SearchAnalytics.start(backend.database);
      backend.opened.add(backend.searchAnalytics);
      backend.analysis = Analysis.bundled();
      backend.vocabulary = LiveVocabulary.start(backend.database, backend.json);
      backend.opened.add(backend.vocabulary);
      backend.semantic = Semantic.configured(config.semantic(), config.semanticModel());
      if (withIndex) {
        // Documents carry the configured model's vectors: switching semantic search on or off
        // rebuilds the index.
        String vectors = backend.semantic.vectorModel();
        backend.index =
            PassageIndex.open(
                config.indexDir(),
                backend.analysis.indexAnalyzer(),
                Analysis.indexFingerprint() + (vectors == null ? "" : "/vectors:" + vectors));
        backend.opened.add(backend.index);
        backend.follower = Indexing.follower(backend.index, backend.database, vectors);
        backend.opened.add(backend.follower);
      }
      // Closed before the follower, the index and the database: its last batch still reaches them.
      backend.opened.add(backend.semantic);
      // Closed first: a job in progress finishes while the database and the index are still there.
      backend.opened.add(backend.jobs);
      return backend;
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  /** LUMBAR_FUSION, checked before anything opens. */
  private static FusionWeights fusion(Config config) {
    try {
      return config.fusion().map(FusionWeights::parse).orElse(FusionWeights.DEFAULT);
    } catch (IllegalArgumentException e) {
      throw new Config.ConfigException("LUMBAR_FUSION: " + e.getMessage());
    }
  }

  public Database database() {
    return database;
  }

  public Analysis analysis() {
    return analysis;
  }

  /** Long operations started from the console. */
  public Jobs jobs() {
    return jobs;
  }

  /** Synonyms and taxonomy as search uses them, kept current from the database. */
  public LiveVocabulary vocabulary() {
    return vocabulary;
  }

  public PassageIndex index() {
    return index;
  }

  public IndexFollower follower() {
    return follower;
  }

  /** How hybrid search weighs meaning against words (LUMBAR_FUSION). */
  public FusionWeights fusion() {
    return fusion;
  }

  /** Semantic search as configured; its model is loaded only by {@link Semantic#load()}. */
  public Semantic semantic() {
    return semantic;
  }

  public SearchAnalytics searchAnalytics() {
    return searchAnalytics;
  }

  public ObjectMapper json() {
    return json;
  }

  /**
   * On a first start, loads the bundled sample articles so there is something to search, then the
   * curated taxonomy and tags while the database has no tags (also after a start that stopped
   * between the two).
   */
  public void importSampleCorpusIfEmpty() {
    if (isEmpty()) {
      ArticleImporter importer = new ArticleImporter(database);
      for (var article : BundledCorpus.articles(json)) {
        log.info("First start: {}", importer.importArticle(article, SYSTEM_ACTOR).describe());
      }
    }
    var applied = BundledTaxonomy.applyIfNoTags(database, json, SYSTEM_ACTOR);
    if (applied != null) {
      log.info(
          "First start: loaded the sample taxonomy: {} tags, {} cause-treatment links, {} passages tagged",
          applied.tags(),
          applied.links(),
          applied.taggedPassages());
      vocabulary.reloadNow();
    }
  }

  boolean isEmpty() {
    return database.read(
        c -> {
          try (var st = c.createStatement();
              var rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM articles)")) {
            rs.next();
            return !rs.getBoolean(1);
          }
        });
  }

  @Override
  public void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", opened.get(i).getClass().getSimpleName(), e.getMessage());
      }
    }
    opened.clear();
  }
}

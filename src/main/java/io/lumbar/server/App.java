package io.lumbar.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.lumbar.accounts.Auth;
import io.lumbar.accounts.LoginRoutes;
import io.lumbar.accounts.TokenRoutes;
import io.lumbar.admin.AdminRoutes;
import io.lumbar.analytics.AnalyticsRoutes;
import io.lumbar.analytics.SearchReports;
import io.lumbar.analytics.TopSearch;
import io.lumbar.changes.ChangeRoutes;
import io.lumbar.cli.Backend;
import io.lumbar.config.Config;
import io.lumbar.db.DataAccessException;
import io.lumbar.export.ExportRoutes;
import io.lumbar.importing.ArticleRoutes;
import io.lumbar.importing.SiteTemplate;
import io.lumbar.indexing.IndexMetrics;
import io.lumbar.ops.ApiDocs;
import io.lumbar.ops.ApiDocsRoutes;
import io.lumbar.ops.HealthRoutes;
import io.lumbar.ops.MetricsRoutes;
import io.lumbar.ops.RequestLog;
import io.lumbar.ops.RouteListRoutes;
import io.lumbar.ops.ServerMetrics;
import io.lumbar.passages.AdminPassageRoutes;
import io.lumbar.passages.PassageRoutes;
import io.lumbar.search.LexicalNeighbours;
import io.lumbar.search.RelatedPassages;
import io.lumbar.search.SearchFilters;
import io.lumbar.search.SearchRoutes;
import io.lumbar.search.SearchService;
import io.lumbar.search.SearchWarmup;
import io.lumbar.search.Suggester;
import io.lumbar.search.SynonymRoutes;
import io.lumbar.tagging.TagReviewRoutes;
import io.lumbar.tagging.TagRoutes;
import io.lumbar.tagging.TagSuggester;
import io.lumbar.tagging.TaxonomyRoutes;
import io.lumbar.telemetry.Logfmt;
import io.lumbar.web.FaviconRoutes;
import io.lumbar.web.HeadAsGet;
import io.lumbar.web.HttpErrors;
import io.lumbar.web.Pages;
import io.lumbar.web.SecurityHeaders;
import io.lumbar.web.ServerSettings;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Lumbar from a {@link Config}: database, index, features, HTTP server. The only place where
 * the parts are wired together; tests start it with their own config.
 */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  private static final int WARMUP_LOG_DAYS = 30;
  private static final int WARMUP_POPULAR_QUERIES = 200;

  private final Backend backend;
  private final ServerMetrics metrics;
  private final Javalin server;

  private App(Backend backend, ServerMetrics metrics, Javalin server) {
    this.backend = backend;
    this.metrics = metrics;
    this.server = server;
  }

  /** Starts everything and serves HTTP on {@code config.port()}. */
  public static App start(Config config) {
    Backend backend = Backend.open(config, true);
    ServerMetrics metrics = new ServerMetrics();
    try {
      if (config.importSamples()) {
        backend.importSampleCorpusIfEmpty();
      }
      if (!backend.index().hasCurrentSchema()) {
        // New index, or one from a version with other fields: build it whole from the database.
        log.info(
            "Building the search index from the database: {} passages",
            backend.follower().rebuild(count -> {}));
      }
      int applied = backend.follower().catchUp();
      if (applied > 0) {
        log.info("Index caught up with {} changes from the database", applied);
      }
      backend.follower().start(config.indexRefreshMillis());
      // After the index is up: a first start imports the sample articles unembedded, the worker
      // embeds them meanwhile.
      backend.semantic().load().startWorker(backend.database(), config.indexRefreshMillis());
      backend.database().recordMetrics(metrics.registry());
      IndexMetrics.bind(metrics.registry(), backend.index(), backend.follower());
      SearchService search =
          backend
              .semantic()
              .queryVectors()
              .map(
                  vectors ->
                      SearchService.hybrid(
                          backend.index(), backend.vocabulary(), vectors, backend.fusion()))
              .orElseGet(() -> new SearchService(backend.index(), backend.vocabulary()));
      warmUp(backend, search, config.warmupSeconds());
      Javalin server = createServer(backend, config, metrics, search).start(config.port());
      log.info(
          "Lumbar is serving {} passages on http://localhost:{}/",
          backend.index().size(),
          server.port());
      return new App(backend, metrics, server);
    } catch (RuntimeException e) {
      metrics.close();
      backend.close();
      throw e;
    }
  }

  /**
   * Searches for a while before taking requests (see {@link SearchWarmup}), what people searched
   * most first.
   */
  private static void warmUp(Backend backend, SearchService search, int seconds) {
    if (seconds == 0) {
      return;
    }
    List<String> popular;
    try {
      popular =
          new SearchReports(backend.database())
              .top(WARMUP_LOG_DAYS, WARMUP_POPULAR_QUERIES).stream().map(TopSearch::query).toList();
    } catch (DataAccessException e) {
      // Without the log the taxonomy's names still warm every path.
      log.warn("Warm-up without the most searched queries: {}", e.getMessage());
      popular = List.of();
    }
    SearchWarmup.Outcome outcome =
        new SearchWarmup(search, backend.vocabulary(), backend.json())
            .run(popular, Duration.ofSeconds(seconds));
    if (outcome.failure() == null) {
      log.info(
          Logfmt.line(
              "warmup",
              "searches",
              outcome.searches(),
              "queries",
              outcome.queries(),
              "ms",
              outcome.millis()));
    } else {
      log.warn(
          Logfmt.line(
              "warmup",
              "searches",
              outcome.searches(),
              "queries",
              outcome.queries(),
              "ms",
              outcome.millis(),
              "stopped",
              outcome.failure()));
    }
  }

  private static Javalin createServer(
      Backend backend, Config appConfig, ServerMetrics metrics, SearchService search) {
    ObjectMapper json = backend.json();
    Pages pages = new Pages();
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.jsonMapper(new JavalinJackson(json, false));
          config.staticFiles.add(
              staticFiles -> {
                staticFiles.hostedPath = "/static";
                staticFiles.directory = "/static";
                staticFiles.location = Location.CLASSPATH;
              });
          HttpErrors.install(config, pages, Auth::consoleFrame);
          RequestLog.install(config, metrics.registry());
          ServerSettings.install(config.jetty);
          SecurityHeaders.install(config.routes);
          Auth auth = new Auth(backend.database());
          auth.protect(config.routes);
          new LoginRoutes(backend.database(), auth, pages).register(config.routes);
          new AdminRoutes(backend.database(), backend.jobs(), backend.follower(), pages)
              .register(config.routes);
          // Neighbours by meaning when semantic search runs, by words otherwise (and for passages
          // not embedded yet).
          TagSuggester suggester =
              new TagSuggester(
                  backend
                      .semantic()
                      .neighbours(
                          backend.database(),
                          backend.index(),
                          new LexicalNeighbours(backend.index(), backend.vocabulary())),
                  backend.vocabulary());
          new AdminPassageRoutes(
                  backend.database(), SiteTemplate::learn, backend.vocabulary(), suggester, pages)
              .register(config.routes);
          ArticleRoutes.limitUploads(config.jetty);
          new ArticleRoutes(backend.database(), pages)
              .withJobs(backend.jobs())
              .register(config.routes);
          new TagReviewRoutes(backend.database(), suggester, pages).register(config.routes);
          new SynonymRoutes(backend.database(), backend.vocabulary(), pages)
              .register(config.routes);
          new TaxonomyRoutes(backend.database(), backend.vocabulary(), pages)
              .register(config.routes);
          new ChangeRoutes(backend.database(), backend.vocabulary(), pages).register(config.routes);
          new io.lumbar.accounts.UserRoutes(backend.database(), pages).register(config.routes);
          RelatedPassages related = new RelatedPassages(backend.index(), backend.vocabulary());
          new SearchRoutes(
                  search,
                  new SearchFilters(backend.index(), backend.vocabulary()),
                  new Suggester(backend.index(), backend.vocabulary()),
                  related,
                  pages,
                  backend.searchAnalytics(),
                  json,
                  metrics.registry())
              .register(config.routes);
          new PassageRoutes(backend.database(), related, pages).register(config.routes);
          new TagRoutes(backend.database(), json).register(config.routes);
          new HealthRoutes(backend.database(), backend.index(), backend.semantic())
              .register(config.routes);
          new FaviconRoutes().register(config.routes);
          new AnalyticsRoutes(backend.database()).register(config.routes);
          new TokenRoutes(backend.database(), pages).register(config.routes);
          new ExportRoutes(backend.database(), json, auth).register(config.routes);
          new MetricsRoutes(metrics, appConfig.metricsToken()).register(config.routes);
          new ApiDocsRoutes(ApiDocs.bundled(json), pages).register(config.routes);
          new RouteListRoutes(config.unsafe.internalRouter).register(config.routes);
          HeadAsGet.install(config); // last: it copies every GET route
        });
  }

  public int port() {
    return server.port();
  }

  public Backend backend() {
    return backend;
  }

  @Override
  public void close() {
    server.stop();
    metrics.close();
    backend.close();
  }
}

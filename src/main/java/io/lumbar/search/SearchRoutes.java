package io.lumbar.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.analytics.SearchAnalytics;
import io.lumbar.telemetry.LatencyTimers;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.JsonBody;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;
import io.lumbar.web.UnknownFilterException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/search} (JSON), {@code GET /} (the search page), {@code GET /api/suggest}
 * (as-you-type) and {@code GET /api/passages/{id}/related} (more like this).
 */
public final class SearchRoutes {
  static final int MAX_SUGGEST_LENGTH = 100;

  private final SearchService search;
  private final SearchFilters filters;
  private final Suggester suggester;
  private final RelatedPassages related;
  private final Pages pages;
  private final SearchAnalytics analytics;
  private final ObjectMapper json;
  private final Timer withHits;
  private final Timer withoutHits;

  public SearchRoutes(
      SearchService search,
      SearchFilters filters,
      Suggester suggester,
      RelatedPassages related,
      Pages pages,
      SearchAnalytics analytics,
      ObjectMapper json,
      MeterRegistry metrics) {
    this.search = search;
    this.filters = filters;
    this.suggester = suggester;
    this.related = related;
    this.pages = pages;
    this.analytics = analytics;
    this.json = json;
    this.withHits = searchTimer(metrics, "hits");
    this.withoutHits = searchTimer(metrics, "zero");
  }

  private static Timer searchTimer(MeterRegistry metrics, String outcome) {
    return LatencyTimers.builder("lumbar.search")
        .description("Searches (API and page) by whether they found anything")
        .tag("outcome", outcome)
        .register(metrics);
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/search", this::api);
    routes.get("/", this::page);
    routes.get("/api/suggest", this::suggest);
    routes.get("/api/passages/{id}/related", this::related);
  }

  private void suggest(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new BadRequestException("'q' is required: the text typed so far");
    }
    if (q.length() > MAX_SUGGEST_LENGTH) {
      throw new BadRequestException(
          "'q' is too long: at most " + MAX_SUGGEST_LENGTH + " characters");
    }
    JsonBody.send(ctx, json, suggester.suggest(q, Params.intParam(ctx, "limit", 8, 1, 20)));
  }

  private void related(Context ctx) {
    long id = Params.idParam(ctx, "id");
    ctx.json(related.find(id, Params.intParam(ctx, "limit", 5, 1, 20)));
  }

  private void api(Context ctx) {
    SearchRequest request = request(ctx);
    filters.check(request);
    // ?debug=1: each hit says how it was found and scored.
    JsonBody.send(ctx, json, searchAndRecord(request, "1".equals(ctx.queryParam("debug"))));
  }

  private void page(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      pages.render(ctx, SearchPage.blank());
      return;
    }
    SearchPage page;
    try {
      SearchRequest request = request(ctx);
      try {
        filters.check(request);
        page = new SearchPage(request.query(), request, searchAndRecord(request, false), null);
      } catch (UnknownFilterException e) {
        ctx.status(400);
        page = SearchPage.unknownFilter(request, e);
      }
    } catch (BadRequestException e) {
      ctx.status(400);
      page =
          SearchPage.failed(q.length() > SearchRequest.MAX_QUERY_LENGTH ? "" : q, e.getMessage());
    }
    pages.render(ctx, page);
  }

  /** Searches, then records first pages only: paging through results is not another search. */
  private SearchResponse searchAndRecord(SearchRequest request, boolean explain) {
    long started = System.nanoTime();
    SearchResponse response = search.search(request, explain);
    long latencyNanos = System.nanoTime() - started;
    (response.total() > 0 ? withHits : withoutHits).record(latencyNanos, TimeUnit.NANOSECONDS);
    long latencyMicros = latencyNanos / 1_000;
    if (request.offset() == 0) {
      analytics.record(request.query(), filtersOf(request), response.total(), latencyMicros);
    }
    return response;
  }

  /**
   * The filters as the search log keeps them: "cause=a&treatment=b&article=3", each kind sorted; ""
   * for none.
   */
  static String filtersOf(SearchRequest request) {
    StringBuilder filters = new StringBuilder();
    appendFilters(filters, "cause", request.causes());
    appendFilters(filters, "treatment", request.treatments());
    appendFilters(filters, "article", request.articles());
    return filters.toString();
  }

  private static void appendFilters(
      StringBuilder filters, String name, java.util.List<String> values) {
    values.stream()
        .sorted()
        .forEach(
            v -> filters.append(filters.isEmpty() ? "" : "&").append(name).append('=').append(v));
  }

  /** Validates the parameters shared by the API and the page. */
  static SearchRequest request(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new BadRequestException("'q' is required: the words to search for");
    }
    if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new BadRequestException(
          "'q' is too long: at most " + SearchRequest.MAX_QUERY_LENGTH + " characters");
    }
    int limit =
        Params.intParam(ctx, "limit", SearchRequest.DEFAULT_LIMIT, 1, SearchRequest.MAX_LIMIT);
    int offset = Params.intParam(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET);
    return new SearchRequest(
        q.strip(),
        limit,
        offset,
        Params.listParam(ctx, "cause"),
        Params.listParam(ctx, "treatment"),
        Params.listParam(ctx, "article"));
  }
}

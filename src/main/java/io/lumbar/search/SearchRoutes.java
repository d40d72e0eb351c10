package io.lumbar.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.analytics.SearchAnalytics;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;

/** {@code GET /api/search} (JSON) and {@code GET /} (the search page). */
public final class SearchRoutes {
  private final SearchService search;
  private final Pages pages;
  private final SearchAnalytics analytics;

  public SearchRoutes(SearchService search, Pages pages, SearchAnalytics analytics) {
    this.search = search;
    this.pages = pages;
    this.analytics = analytics;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/search", this::api);
    routes.get("/", this::page);
  }

  private void api(Context ctx) {
    ctx.json(searchAndRecord(request(ctx)));
  }

  private void page(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      pages.render(ctx, SearchPage.blank());
      return;
    }
    try {
      SearchRequest request = request(ctx);
      pages.render(ctx, new SearchPage(request.query(), searchAndRecord(request), null, request.offset(), request.limit()));
    } catch (BadRequestException e) {
      ctx.status(400);
      String shown = q.length() > SearchRequest.MAX_QUERY_LENGTH ? "" : q;
      pages.render(ctx, new SearchPage(shown, null, e.getMessage(), 0, SearchRequest.DEFAULT_LIMIT));
    }
  }

  /** Searches, then records first pages only: paging through results is not another search. */
  private SearchResponse searchAndRecord(SearchRequest request) {
    long started = System.nanoTime();
    SearchResponse response = search.search(request);
    long latencyMicros = (System.nanoTime() - started) / 1_000;
    if (request.offset() == 0) {
      analytics.record(request.query(), response.total(), latencyMicros);
    }
    return response;
  }

  /** Validates the parameters shared by the API and the page. */
  static SearchRequest request(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new BadRequestException("'q' is required: the words to search for");
    }
    if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new BadRequestException("'q' is too long: at most " + SearchRequest.MAX_QUERY_LENGTH + " characters");
    }
    int limit = Params.intParam(ctx, "limit", SearchRequest.DEFAULT_LIMIT, 1, SearchRequest.MAX_LIMIT);
    int offset = Params.intParam(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET);
    return new SearchRequest(q.strip(), limit, offset,
        Params.listParam(ctx, "cause"), Params.listParam(ctx, "treatment"), Params.listParam(ctx, "article"));
  }
}

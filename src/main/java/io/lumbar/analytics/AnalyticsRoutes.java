package io.lumbar.analytics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.db.Database;
import io.lumbar.web.Params;
import java.util.List;

/**
 * {@code GET /api/admin/analytics/top-searches} and {@code
 * /api/admin/analytics/zero-result-searches}: what people search for over the last {@code days}
 * days, for the console (signed-in editors and admins).
 */
public final class AnalyticsRoutes {
  private static final int DEFAULT_DAYS = 30;
  private static final int MAX_DAYS = 365;
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;

  private final SearchLogDao searchLog;

  public AnalyticsRoutes(Database db) {
    this.searchLog = new SearchLogDao(db);
  }

  public void register(RoutesConfig routes) {
    routes.get(
        "/api/admin/analytics/top-searches",
        ctx -> {
          int days = days(ctx);
          ctx.json(new Report<>(days, searchLog.topSearches(days, limit(ctx))));
        });
    routes.get(
        "/api/admin/analytics/zero-result-searches",
        ctx -> {
          int days = days(ctx);
          ctx.json(new Report<>(days, searchLog.zeroResultSearches(days, limit(ctx))));
        });
  }

  private static int days(Context ctx) {
    return Params.intParam(ctx, "days", DEFAULT_DAYS, 1, MAX_DAYS);
  }

  private static int limit(Context ctx) {
    return Params.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  /** The JSON answer of both reports; field names are part of the API contract. */
  record Report<T>(int days, List<T> searches) {}
}

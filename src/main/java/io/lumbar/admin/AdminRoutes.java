package io.lumbar.admin;

import io.javalin.config.RoutesConfig;
import io.lumbar.accounts.Auth;
import io.lumbar.analytics.SearchReports;
import io.lumbar.db.Database;
import io.lumbar.web.Pages;

/** {@code GET /admin}: the dashboard. */
public final class AdminRoutes {
  private static final int REPORT_DAYS = 30;
  private static final int REPORT_ROWS = 10;

  private final DashboardDao dashboard;
  private final SearchReports searches;
  private final Pages pages;

  public AdminRoutes(Database db, Pages pages) {
    this.dashboard = new DashboardDao(db);
    this.searches = new SearchReports(db);
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get("/admin", ctx -> pages.render(ctx, new DashboardPage(Auth.user(ctx), Auth.csrfToken(ctx), dashboard.figures(),
        searches.top(REPORT_DAYS, REPORT_ROWS), searches.zeroResults(REPORT_DAYS, REPORT_ROWS))));
  }
}

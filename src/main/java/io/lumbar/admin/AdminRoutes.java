package io.lumbar.admin;

import io.javalin.config.RoutesConfig;
import io.lumbar.accounts.Auth;
import io.lumbar.analytics.SearchReports;
import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.Database;
import io.lumbar.indexing.IndexFollower;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;

/** {@code GET /admin}: the dashboard; the index rebuild and the progress of long operations. */
public final class AdminRoutes {
  private static final int REPORT_DAYS = 30;
  private static final int REPORT_ROWS = 10;
  private static final int AUDIT_PAGE = 50;

  private final DashboardDao dashboard;
  private final SearchReports searches;
  private final Jobs jobs;
  private final IndexFollower follower;
  private final Pages pages;
  private final AuditTrail audit;
  private final AuditLog auditLog;

  public AdminRoutes(Database db, Jobs jobs, IndexFollower follower, Pages pages) {
    this.jobs = jobs;
    this.follower = follower;
    this.dashboard = new DashboardDao(db);
    this.searches = new SearchReports(db);
    this.pages = pages;
    this.audit = new AuditTrail(db);
    this.auditLog = new AuditLog(db);
  }

  public void register(RoutesConfig routes) {
    routes.get(
        "/admin",
        ctx ->
            pages.render(
                ctx,
                new DashboardPage(
                    Auth.user(ctx),
                    Auth.csrfToken(ctx),
                    dashboard.figures(),
                    searches.top(REPORT_DAYS, REPORT_ROWS),
                    searches.zeroResults(REPORT_DAYS, REPORT_ROWS))));
    routes.post(
        "/admin/reindex",
        ctx -> {
          String admin = Auth.requireAdmin(ctx).username();
          audit.record(AuditEntry.of(admin, "index.rebuild", "index", 0L));
          Jobs.Job job =
              jobs.start(
                  "reindex",
                  "Rebuilding the search index",
                  admin,
                  follower.publishedCount(),
                  progress ->
                      "Indexed " + follower.rebuild(progress::accept) + " published passages.");
          ctx.redirect("/admin/jobs/" + job.id());
        });
    routes.get(
        "/api/admin/check",
        ctx -> {
          Auth.requireAdmin(ctx);
          ctx.json(follower.check(Params.intParam(ctx, "show", 20, 0, 1_000)));
        });
    routes.get("/admin/audit", this::audit);
    routes.get(
        "/admin/jobs/{id}",
        ctx ->
            pages.render(
                ctx,
                new JobPage(
                    Auth.user(ctx), Auth.csrfToken(ctx), jobs.get(Params.idParam(ctx, "id")))));
    routes.get(
        "/api/admin/jobs/{id}",
        ctx -> {
          Jobs.Job job = jobs.get(Params.idParam(ctx, "id"));
          ctx.json(
              java.util.Map.of(
                  "id",
                  job.id(),
                  "title",
                  job.title(),
                  "state",
                  job.state(),
                  "done",
                  job.done(),
                  "total",
                  job.total(),
                  "message",
                  job.message()));
        });
  }

  /** The whole audit log for editors and admins; filters are exact except the action, a prefix. */
  private void audit(io.javalin.http.Context ctx) {
    String idText = blankToNull(ctx.queryParam("id"));
    String beforeText = blankToNull(ctx.queryParam("before"));
    var filter =
        new AuditLog.Filter(
            limited(ctx, "actor", 100),
            limited(ctx, "action", 100),
            limited(ctx, "entity", 50),
            idText == null ? null : (long) Params.intParam(idText, "id"),
            beforeText == null ? null : (long) Params.intParam(beforeText, "before"));
    var events = auditLog.page(filter, AUDIT_PAGE + 1);
    boolean more = events.size() > AUDIT_PAGE;
    pages.render(
        ctx,
        new AuditPage(
            Auth.user(ctx),
            Auth.csrfToken(ctx),
            filter,
            more ? events.subList(0, AUDIT_PAGE) : events,
            more,
            auditLog.actors()));
  }

  private static String limited(io.javalin.http.Context ctx, String name, int max) {
    String value = blankToNull(ctx.queryParam(name));
    if (value != null && value.length() > max) {
      throw new io.lumbar.web.BadRequestException(
          "'" + name + "' is too long: at most " + max + " characters");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

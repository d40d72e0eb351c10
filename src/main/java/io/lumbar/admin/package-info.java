/**
 * The console's own pages: the dashboard ({@code DashboardDao}, {@code HeatMap}), the audit log
 * page ({@code AuditLog}, {@code AuditPage}), long operations run in the background with their
 * progress ({@link io.lumbar.admin.Jobs}, {@code JobPage}), and the index rebuild and consistency
 * check routes ({@link io.lumbar.admin.AdminRoutes}).
 *
 * <p>May depend on {@code accounts/}, {@code audit/}, {@code analytics/}, {@code indexing/}, {@code
 * telemetry/}, {@code web/}, {@code db/}.
 */
package io.lumbar.admin;

/**
 * The search log: every first-page search is queued in memory and written in batches by a
 * background thread ({@link io.lumbar.analytics.SearchAnalytics}, {@code SearchLogDao}) after
 * normalising the query and removing what could identify someone ({@code QueryNormalizer}); the
 * reports over it ({@code SearchReports}: top and zero-result searches) for the dashboard and
 * {@code /api/admin/analytics/*} ({@code AnalyticsRoutes}).
 *
 * <p>May depend on {@code db/} and {@code web/}.
 */
package io.lumbar.analytics;

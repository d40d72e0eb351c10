/**
 * Operating a running server, observing the features from above: {@code GET /health} ({@code
 * HealthRoutes}), {@code GET /metrics} ({@code MetricsRoutes}, {@code ServerMetrics}: Micrometer
 * with the Prometheus registry), the per-request log line and latency histogram ({@code
 * RequestLog}), the OpenAPI document with its page ({@code ApiDocs}, {@code ApiDocsRoutes}), and
 * the routes the running server answers ({@code RouteListRoutes}).
 *
 * <p>May depend on {@code indexing/}, {@code semantic/}, {@code telemetry/}, {@code web/}, {@code
 * db/}; only the server's wiring uses it.
 */
package io.lumbar.ops;

package io.lumbar.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format. Public unless a token is
 * configured ({@code LUMBAR_METRICS_TOKEN}); then only a scraper sending {@code Authorization:
 * Bearer TOKEN} gets it.
 */
public final class MetricsRoutes {
  /** What {@code PrometheusMeterRegistry.scrape()} writes. */
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final ServerMetrics metrics;
  private final Optional<String> token;

  public MetricsRoutes(ServerMetrics metrics, Optional<String> token) {
    this.metrics = metrics;
    this.token = token;
  }

  public void register(RoutesConfig routes) {
    routes.get("/metrics", this::scrape);
  }

  private void scrape(Context ctx) {
    if (token.isPresent() && !bearerMatches(ctx.header("Authorization"), token.get())) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
      throw new HttpResponseException(
          401, "Metrics need 'Authorization: Bearer' with the configured metrics token");
    }
    ctx.contentType(TEXT_FORMAT).result(metrics.scrape());
  }

  static boolean bearerMatches(String header, String expected) {
    String prefix = "Bearer ";
    if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return false;
    }
    byte[] sent = header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(sent, expected.getBytes(StandardCharsets.UTF_8));
  }
}

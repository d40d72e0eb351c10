package io.lumbar.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.lumbar.telemetry.LatencyTimers;
import io.lumbar.telemetry.Logfmt;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every request: one log line ({@code request method=GET route=/api/search status=200
 * ms=3.1}) and the {@code http.server.requests} timer. Both name the matched route template, never
 * the raw path, so the number of series stays bounded and no query string (which could hold
 * secrets) is ever written down. Headers and cookies are not logged. The line is written by
 * logback's background writer (logback.xml), so a request never waits for stderr.
 */
public final class RequestLog {
  private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

  /** Requests that matched no route (404s, 405s): one series for all of them. */
  static final String UNMATCHED = "UNMATCHED";

  static final String STATIC = "/static/*";
  static final String OTHER_METHOD = "OTHER";

  private final MeterRegistry registry;
  private final JavalinState javalin;

  /**
   * Each series' timer, found once: registering looks it up by a sorted copy of its tags, on every
   * request. Bounded, as the series are (routes × methods × status classes).
   */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  private RequestLog(MeterRegistry registry, JavalinState javalin) {
    this.registry = registry;
    this.javalin = javalin;
  }

  public static void install(JavalinConfig config, MeterRegistry registry) {
    RequestLog requestLog = new RequestLog(registry, config.unsafe);
    config.requestLogger.http(requestLog::record);
  }

  private void record(Context ctx, Float millis) {
    // Clients can send any method name; only the standard ones become labels.
    String method =
        HandlerType.commonHttp().contains(ctx.method()) ? ctx.method().name() : OTHER_METHOD;
    String route = route(ctx);
    int status = ctx.statusCode();
    String statusClass = status / 100 + "xx";
    timers
        .computeIfAbsent(
            method + ' ' + route + ' ' + statusClass,
            series ->
                LatencyTimers.builder("http.server.requests")
                    .description("HTTP requests by route template, method and status class")
                    .tag("method", method)
                    .tag("route", route)
                    .tag("status", statusClass)
                    .register(registry))
        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    if (log.isInfoEnabled()) {
      log.info(
          Logfmt.line(
              "request", "method", method, "route", route, "status", status, "ms", tenths(millis)));
    }
  }

  /**
   * {@code millis} with one decimal, as {@code String.format(Locale.ROOT, "%.1f", millis)} writes a
   * duration (half up): that was 1.2 % of a search's CPU over HTTP, a third of all the request line
   * cost (Formatter parses its pattern each time).
   */
  static String tenths(float millis) {
    long tenths = Math.round(millis * 10.0);
    return tenths / 10 + "." + tenths % 10;
  }

  private String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    // Not reached: refused by a before-handler (sign-in, CSRF), or a HEAD answered from the GET
    // route.
    HandlerType method = ctx.method() == HandlerType.HEAD ? HandlerType.GET : ctx.method();
    ParsedEndpoint route = javalin.internalRouter.findFirstHttpHandlerEntry(method, ctx.path());
    if (route != null) {
      return route.endpoint.path;
    }
    return ctx.path().startsWith("/static/") && ctx.statusCode() < 400 ? STATIC : UNMATCHED;
  }
}

package io.lumbar.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.lumbar.db.ConcurrentChangeException;
import io.lumbar.db.DatabaseUnavailableException;
import io.lumbar.db.NotFoundException;
import io.lumbar.indexing.IndexUnavailableException;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns exceptions into HTTP answers: JSON {@code {"error": ...}} for the API,
 * an error page for people. Unexpected failures are logged with their stack trace and answered with
 * a plain message; no trace ever reaches a client.
 */
public final class HttpErrors {
  private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

  private static final String ANSWERED = "lumbar.errorAnswered";
  private static final String CONSOLE = "lumbar.consoleFrame";

  private HttpErrors() {}

  public static void install(JavalinConfig config, Pages pages) {
    install(config, pages, ctx -> null);
  }

  /**
   * The same; {@code console} gives the console's frame for a request by a signed-in editor (null
   * otherwise), so errors on console pages stay inside the console.
   */
  public static void install(
      JavalinConfig config, Pages pages, Function<Context, ConsoleFrame> console) {
    var routes = config.routes;
    routes.before(ctx -> ctx.attribute(CONSOLE, console));
    routes.exception(
        BadRequestException.class, (e, ctx) -> answer(ctx, pages, 400, e.getMessage()));
    routes.exception(
        UnknownFilterException.class,
        (e, ctx) -> {
          if (!wantsJson(ctx)) {
            answer(ctx, pages, 400, e.getMessage());
            return;
          }
          ctx.attribute(ANSWERED, true);
          ctx.status(400);
          Map<String, Object> body = new java.util.LinkedHashMap<>();
          body.put("error", e.getMessage());
          body.put("parameter", e.parameter());
          body.put("unknown", e.unknown());
          body.put("valid", e.valid());
          body.put("validValuesAt", e.validValuesAt());
          ctx.json(body);
        });
    routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, pages, 404, e.getMessage()));
    routes.exception(
        ConcurrentChangeException.class,
        (e, ctx) -> {
          log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          answer(
              ctx,
              pages,
              409,
              "Someone changed the same things at the same moment, so nothing was saved. Please try again.");
        });
    routes.exception(
        Unauthenticated.class,
        (e, ctx) -> {
          if (wantsJson(ctx)) {
            answer(ctx, pages, 401, "Sign in first: this needs an editor's session");
          } else {
            ctx.attribute(ANSWERED, true);
            // Back to where they were going after signing in (GET only: a form post cannot be
            // replayed).
            String target =
                ctx.method().name().equals("GET")
                    ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
                    : "/admin";
            ctx.redirect(
                "/admin/login?next="
                    + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
          }
        });
    routes.exception(Forbidden.class, (e, ctx) -> answer(ctx, pages, 403, e.getMessage()));
    routes.exception(
        DatabaseUnavailableException.class,
        (e, ctx) -> {
          log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          answer(
              ctx, pages, 503, "The database is unavailable right now; please try again shortly.");
        });
    routes.exception(
        IndexUnavailableException.class,
        (e, ctx) -> {
          log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          answer(ctx, pages, 503, "Search is unavailable right now; please try again shortly.");
        });
    routes.exception(
        HttpResponseException.class, (e, ctx) -> answer(ctx, pages, e.getStatus(), e.getMessage()));
    // The servlet API fails on a body's unknown charset while reading the form; that is the
    // client's mistake.
    routes.exception(
        java.nio.charset.UnsupportedCharsetException.class,
        (e, ctx) ->
            answer(ctx, pages, 415, "The charset of this request is not supported; send UTF-8."));
    routes.exception(
        java.nio.charset.IllegalCharsetNameException.class,
        (e, ctx) ->
            answer(ctx, pages, 415, "The charset of this request is not supported; send UTF-8."));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          int clientError = clientError(e);
          if (clientError != 0) {
            // The client's doing, not a failure here: no trace, and the request log's line is the
            // only record.
            answer(
                ctx,
                pages,
                clientError,
                clientError == 413
                    ? "This request is too large."
                    : "The request's body could not be read: it was malformed or ended early. Send it again.");
            return;
          }
          log.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          answer(ctx, pages, 500, "Something went wrong on our side. It has been logged.");
        });
    // Unknown routes and methods: answered in the same shapes as everything else.
    routes.error(
        404,
        "*",
        ctx -> {
          if (ctx.attribute(ANSWERED) == null) {
            answer(ctx, pages, 404, "There is nothing at " + ctx.path());
          }
        });
    routes.error(
        405,
        "*",
        ctx -> {
          if (ctx.attribute(ANSWERED) == null) {
            answer(ctx, pages, 405, ctx.method() + " is not supported on " + ctx.path());
          }
        });
  }

  /**
   * The 4xx status for a failure the client caused while its request was read, 0 for any other
   * failure. Jetty refuses a malformed body (a bad chunk size, a body shorter than its length) with
   * an exception carrying the status; a client gone before its body arrived in full ends it early
   * ({@link EofException}).
   */
  static int clientError(Throwable failure) {
    for (Throwable cause = failure;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        return http.getCode();
      }
      if (cause instanceof EofException) {
        return 400;
      }
    }
    return 0;
  }

  /**
   * A page's own error page, in place of the generic one (which would otherwise follow a 404
   * status).
   */
  public static void answerWithPage(Context ctx, Pages pages, ErrorPage page) {
    ctx.attribute(ANSWERED, true);
    ctx.status(page.status());
    pages.render(ctx, page);
  }

  private static void answer(Context ctx, Pages pages, int status, String message) {
    ctx.attribute(ANSWERED, true);
    ctx.status(status);
    if (wantsJson(ctx)) {
      ctx.json(Map.of("error", message));
    } else {
      pages.render(ctx, new ErrorPage(status, titleFor(status), message, consoleFrame(ctx)));
    }
  }

  /**
   * The console's frame when a signed-in editor asked for a console page; null for everyone else.
   */
  private static ConsoleFrame consoleFrame(Context ctx) {
    Function<Context, ConsoleFrame> console = ctx.attribute(CONSOLE);
    String path = ctx.path();
    if (console == null || !(path.equals("/admin") || path.startsWith("/admin/"))) {
      return null;
    }
    return console.apply(ctx);
  }

  static boolean wantsJson(Context ctx) {
    String path = ctx.path();
    if (path.startsWith("/api/") || path.equals("/api") || path.equals("/health")) {
      return true;
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  private static String titleFor(int status) {
    return switch (status) {
      case 400 -> "That request did not work";
      case 401, 403 -> "Not allowed";
      case 409 -> "Changed meanwhile";
      case 429 -> "Too many attempts";
      case 404 -> "Not found";
      case 503 -> "Temporarily unavailable";
      default -> status >= 500 ? "Something went wrong" : "That request did not work";
    };
  }
}

package io.lumbar.web;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every answer carries: a content security policy without inline script or style (the pages
 * need none), no MIME sniffing, no framing by other sites, and no referrer leaking search words to
 * other sites. Console answers are never stored by a browser or proxy: they hold unpublished text
 * and the CSRF token, and must not be shown again from a cache after sign-out.
 */
public final class SecurityHeaders {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  private SecurityHeaders() {}

  /**
   * Name and value of each header, for the answers of routes and of Jetty's own refusals ({@link
   * JettyErrors}).
   */
  static final Map<String, String> EVERY_ANSWER = headers();

  public static void install(RoutesConfig routes) {
    routes.before(
        ctx -> {
          EVERY_ANSWER.forEach(ctx::header);
          if (isConsole(ctx.path())) {
            ctx.header("Cache-Control", "no-store");
          }
        });
  }

  static boolean isConsole(String path) {
    return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/");
  }

  private static Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", CSP);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "same-origin");
    return java.util.Collections.unmodifiableMap(headers);
  }
}

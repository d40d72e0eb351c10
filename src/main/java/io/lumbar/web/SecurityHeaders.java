package io.lumbar.web;

import io.javalin.config.RoutesConfig;

/**
 * Headers every answer carries: a content security policy without inline script or style (the pages need
 * none), no MIME sniffing, no framing by other sites, and no referrer leaking search words to other sites.
 * Console answers are never stored by a browser or proxy: they hold unpublished text and the CSRF token, and
 * must not be shown again from a cache after sign-out.
 */
public final class SecurityHeaders {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  private SecurityHeaders() {}

  public static void install(RoutesConfig routes) {
    routes.before(ctx -> {
      ctx.header("Content-Security-Policy", CSP);
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Referrer-Policy", "same-origin");
      String path = ctx.path();
      if (path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/")) {
        ctx.header("Cache-Control", "no-store");
      }
    });
  }
}

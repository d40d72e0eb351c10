package io.lumbar.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /favicon.ico} and {@code /favicon.svg} at the root, where browsers and the pages look for
 * them (the other static files live under /static). Read once; a day's caching, as the icon rarely
 * changes.
 */
public final class FaviconRoutes {
  private final byte[] ico = read("/static/favicon.ico");
  private final byte[] svg = read("/static/favicon.svg");

  public void register(RoutesConfig routes) {
    routes.get("/favicon.ico", ctx -> send(ctx, "image/x-icon", ico));
    routes.get("/favicon.svg", ctx -> send(ctx, "image/svg+xml", svg));
  }

  private static void send(Context ctx, String type, byte[] body) {
    ctx.header("Cache-Control", "public, max-age=86400").contentType(type).result(body);
  }

  private static byte[] read(String path) {
    try (InputStream in = FaviconRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("The jar is missing " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

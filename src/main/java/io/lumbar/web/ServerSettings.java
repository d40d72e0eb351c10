package io.lumbar.web;

import io.javalin.config.JettyConfig;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** How the Jetty server under Javalin stops and answers what it refuses itself. */
public final class ServerSettings {
  /** How long requests in flight may take to finish once the server is asked to stop (SIGTERM). */
  static final long STOP_GRACE_MILLIS = 30_000;

  private ServerSettings() {}

  public static void install(JettyConfig jetty) {
    JettyErrors.install(jetty);
    // Javalin runs Jetty with LEGACY URI rules, which also decode the long-dead %uXXXX escapes;
    // Javalin's own
    // path-parameter decoding then fails on them with a 500. Refused up front as the 400 they are.
    jetty.modifyHttpConfiguration(
        http ->
            http.setUriCompliance(
                UriCompliance.LEGACY.without(
                    "LEGACY_WITHOUT_UTF16", UriCompliance.Violation.UTF16_ENCODINGS)));
    jetty.modifyServer(
        server -> {
          // Stopping first stops accepting, then waits for the requests in flight; Javalin attaches
          // its own
          // handlers inside this wrapper.
          server.insertHandler(new GracefulHandler());
          server.setStopTimeout(STOP_GRACE_MILLIS);
        });
  }
}

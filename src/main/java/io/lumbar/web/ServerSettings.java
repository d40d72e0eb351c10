package io.lumbar.web;

import io.javalin.config.JettyConfig;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** How the Jetty server under Javalin stops. */
public final class ServerSettings {
  /** How long requests in flight may take to finish once the server is asked to stop (SIGTERM). */
  static final long STOP_GRACE_MILLIS = 30_000;

  private ServerSettings() {}

  public static void install(JettyConfig jetty) {
    jetty.modifyServer(server -> {
      // Stopping first stops accepting, then waits for the requests in flight; Javalin attaches its own
      // handlers inside this wrapper.
      server.insertHandler(new GracefulHandler());
      server.setStopTimeout(STOP_GRACE_MILLIS);
    });
  }
}

package io.lumbar.web;

import io.javalin.config.JettyConfig;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * How the Jetty server under Javalin stops, answers what it refuses itself, and how many threads
 * serve requests.
 */
public final class ServerSettings {
  /** How long requests in flight may take to finish once the server is asked to stop (SIGTERM). */
  static final long STOP_GRACE_MILLIS = 30_000;

  private ServerSettings() {}

  /**
   * Request threads per core, and never fewer in all. Searches are CPU work: Javalin's default of
   * up to 250 threads let 64 connections run 64 searches at once on 2 cores, each holding its
   * allocations while it waits for a core. Requests that wait on MariaDB (passage reads, exports)
   * still find threads free.
   */
  static final int THREADS_PER_CORE = 8;

  static final int MIN_THREADS = 16;

  public static void install(JettyConfig jetty) {
    JettyErrors.install(jetty);
    int threads =
        Math.max(MIN_THREADS, THREADS_PER_CORE * Runtime.getRuntime().availableProcessors());
    QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(8, threads));
    pool.setName("JettyServerThreadPool");
    jetty.threadPool = pool;
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

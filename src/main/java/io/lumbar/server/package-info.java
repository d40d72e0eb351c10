/**
 * The HTTP server: {@link io.lumbar.server.App} is the one place the server is wired (database,
 * index, features, routes, metrics) from a {@code Config}; {@code ServeCommand} runs it until
 * SIGTERM. Tests start it through {@code testing/RunningApp}.
 *
 * <p>Depends on every feature; only {@code io.lumbar.Main} and {@code bench/} depend on it.
 */
package io.lumbar.server;

package io.lumbar.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.util.List;

/**
 * HEAD answers exactly what GET would, without the body. Left alone, Javalin answers 200 to HEAD on
 * any path a GET route matches without running the route, so every check made inside a handler (an
 * export's caller, an id that does not exist) is skipped. Each GET route gets a HEAD route with the
 * same handler; Jetty sends no body for HEAD, only the status and headers. Installed after every
 * route is registered.
 */
public final class HeadAsGet {
  private HeadAsGet() {}

  public static void install(JavalinConfig config) {
    List<ParsedEndpoint> routes = List.copyOf(config.unsafe.internalRouter.allHttpHandlers());
    for (ParsedEndpoint route : routes) {
      Endpoint get = route.endpoint;
      boolean hasHead =
          routes.stream()
              .anyMatch(
                  r -> r.endpoint.method == HandlerType.HEAD && r.endpoint.path.equals(get.path));
      if (get.method == HandlerType.GET && !hasHead) {
        config.routes.addEndpoint(new Endpoint(HandlerType.HEAD, get.path, get.handler));
      }
    }
  }
}

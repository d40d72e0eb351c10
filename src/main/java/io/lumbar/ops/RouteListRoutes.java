package io.lumbar.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/routes} (signed in): every route this server answers, method and path as
 * registered, read from the router when asked, so it is what this build serves, not what a document
 * says: what a reverse proxy or firewall in front of it has to let through, and the inventory
 * {@code openapi.json} describes (console pages and HEAD aside).
 */
public final class RouteListRoutes {
  /** One route: an HTTP method and a path pattern ({@code {id}} for a path parameter). */
  public record Route(String method, String path) {}

  private final InternalRouter router;

  public RouteListRoutes(InternalRouter router) {
    this.router = router;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/admin/routes", ctx -> ctx.json(Map.of("routes", routes())));
  }

  /** Sorted by path, then method. */
  List<Route> routes() {
    return router.allHttpHandlers().stream()
        .map((ParsedEndpoint parsed) -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map((Endpoint endpoint) -> new Route(endpoint.method.name(), endpoint.path))
        .distinct()
        .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
        .toList();
  }
}

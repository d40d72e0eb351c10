package io.lumbar.ops;

import io.javalin.config.RoutesConfig;
import io.lumbar.db.Database;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.semantic.Semantic;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: 200 when the database answers, 503 when it does not; search may still work.
 * {@code semantic} says whether search uses meaning (on), was configured not to (off), or could not
 * load its model (unavailable, with {@code semanticError}): then search is lexical, and still
 * answers.
 */
public final class HealthRoutes {
  private final Database db;
  private final PassageIndex index;
  private final Semantic semantic;

  public HealthRoutes(Database db, PassageIndex index, Semantic semantic) {
    this.db = db;
    this.index = index;
    this.semantic = semantic;
  }

  public void register(RoutesConfig routes) {
    routes.get(
        "/health",
        ctx -> {
          boolean databaseUp = db.isReachable();
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("status", databaseUp ? "ok" : "degraded");
          body.put("database", databaseUp ? "up" : "down");
          body.put("indexedPassages", index.size());
          body.put("semantic", semantic.state().json());
          semantic.failure().ifPresent(reason -> body.put("semanticError", reason));
          ctx.status(databaseUp ? 200 : 503).json(body);
        });
  }
}

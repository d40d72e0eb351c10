package io.lumbar.web;

import io.javalin.config.RoutesConfig;
import io.lumbar.db.Database;
import io.lumbar.indexing.PassageIndex;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: 200 when the database answers, 503 when it does not; search may still work. */
public final class HealthRoutes {
  private final Database db;
  private final PassageIndex index;

  public HealthRoutes(Database db, PassageIndex index) {
    this.db = db;
    this.index = index;
  }

  public void register(RoutesConfig routes) {
    routes.get("/health", ctx -> {
      boolean databaseUp = db.isReachable();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", databaseUp ? "ok" : "degraded");
      body.put("database", databaseUp ? "up" : "down");
      body.put("indexedPassages", index.size());
      ctx.status(databaseUp ? 200 : 503).json(body);
    });
  }
}

package io.lumbar.passages;

import io.javalin.config.RoutesConfig;
import io.lumbar.db.Database;
import io.lumbar.web.Params;

/** {@code GET /api/passages/{id}}: one published passage with its article and tags. */
public final class PassageRoutes {
  private final PassageDao passages;

  public PassageRoutes(Database db) {
    this.passages = new PassageDao(db);
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/passages/{id}", ctx -> ctx.json(passages.findPublished(Params.idParam(ctx, "id"))));
  }
}

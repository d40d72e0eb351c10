package io.lumbar.tagging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.lumbar.db.Database;
import java.util.List;
import java.util.Map;

/** {@code GET /api/tags}: the causes and treatments passages can be tagged with. */
public final class TagRoutes {
  private final TagDao tags;

  public TagRoutes(Database db, ObjectMapper json) {
    this.tags = new TagDao(db, json);
  }

  public void register(RoutesConfig routes) {
    routes.get(
        "/api/tags",
        ctx -> {
          List<Tag> all = tags.activeTags();
          ctx.json(
              Map.of(
                  "causes", all.stream().filter(t -> t.kind().equals("cause")).toList(),
                  "treatments", all.stream().filter(t -> t.kind().equals("treatment")).toList()));
        });
  }
}

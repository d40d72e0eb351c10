package io.lumbar.ops;

import io.javalin.config.RoutesConfig;
import io.lumbar.web.Pages;

/** {@code GET /openapi.json} (the document) and {@code GET /api/docs} (the same as a page). */
public final class ApiDocsRoutes {
  private final ApiDocs docs;
  private final Pages pages;
  private final ApiDocsPage page;

  public ApiDocsRoutes(ApiDocs docs, Pages pages) {
    this.docs = docs;
    this.pages = pages;
    this.page = docs.page();
  }

  public void register(RoutesConfig routes) {
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(docs.json()));
    routes.get("/api/docs", ctx -> pages.render(ctx, page));
  }
}

package io.lumbar.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;

/**
 * {@code /admin/tokens} (admins): API tokens for integrators. A new token's value is shown once, on
 * the page that answers its creation, and never again; revoking takes effect on the next request.
 */
public final class TokenRoutes {
  private static final int MAX_NAME = 100;

  private final ApiTokens tokens;
  private final Pages pages;

  public TokenRoutes(io.lumbar.db.Database db, Pages pages) {
    this.tokens = new ApiTokens(db);
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get("/admin/tokens", ctx -> show(ctx, null, null));
    routes.post("/admin/tokens", this::create);
    routes.post("/admin/tokens/{id}/revoke", this::revoke);
  }

  private void show(Context ctx, ApiTokens.Created created, String message) {
    User user = Auth.requireAdmin(ctx);
    // The page may hold a token's only copy: keep it out of caches and history.
    ctx.header("Cache-Control", "no-store");
    pages.render(ctx, new TokensPage(user, Auth.csrfToken(ctx), tokens.list(), created, message));
  }

  private void create(Context ctx) {
    User user = Auth.requireAdmin(ctx);
    String name = ctx.formParam("name");
    name = name == null ? "" : name.strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new BadRequestException(
          "Give the token a name of 1 to " + MAX_NAME + " characters, e.g. who will use it");
    }
    show(ctx, tokens.create(name, user.username()), null);
  }

  private void revoke(Context ctx) {
    User user = Auth.requireAdmin(ctx);
    tokens.revoke(Params.idParam(ctx, "id"), user.username());
    ctx.redirect("/admin/tokens?done=revoked");
  }
}

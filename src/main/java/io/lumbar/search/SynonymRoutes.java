package io.lumbar.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.accounts.Auth;
import io.lumbar.accounts.User;
import io.lumbar.db.Database;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;

/**
 * {@code /admin/synonyms}: admins add and remove search synonyms; this node applies them at once,
 * others within a second.
 */
public final class SynonymRoutes {
  private final SynonymRules rules;
  private final LiveVocabulary vocabulary;
  private final Pages pages;

  public SynonymRoutes(Database db, LiveVocabulary vocabulary, Pages pages) {
    this.rules = new SynonymRules(db);
    this.vocabulary = vocabulary;
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get("/admin/synonyms", ctx -> show(ctx, "", null, messageFor(ctx.queryParam("done"))));
    routes.post("/admin/synonyms", this::add);
    routes.post("/admin/synonyms/{id}/remove", this::remove);
  }

  private void show(Context ctx, String draft, String error, String message) {
    User user = Auth.requireAdmin(ctx);
    pages.render(
        ctx, new SynonymsPage(user, Auth.csrfToken(ctx), rules.list(), draft, error, message));
  }

  private void add(Context ctx) {
    User user = Auth.requireAdmin(ctx);
    String rule = ctx.formParam("rule");
    try {
      rules.add(rule, user.username());
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      show(ctx, rule == null ? "" : rule, e.getMessage(), null);
      return;
    }
    vocabulary.reloadNow();
    ctx.redirect("/admin/synonyms?done=added");
  }

  private void remove(Context ctx) {
    rules.delete(Params.idParam(ctx, "id"), Auth.requireAdmin(ctx).username());
    vocabulary.reloadNow();
    ctx.redirect("/admin/synonyms?done=removed");
  }

  private static String messageFor(String done) {
    return "added".equals(done)
        ? "Rule added: the next search uses it."
        : "removed".equals(done) ? "Rule removed." : null;
  }
}

package io.lumbar.changes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.accounts.Auth;
import io.lumbar.db.Database;
import io.lumbar.search.LiveVocabulary;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;

/**
 * Change sets in the console: {@code GET /admin/changes/{id}} shows one, {@code POST
 * /admin/changes/{id}/undo} undoes it (signed in, with the form's CSRF token, as every console
 * form) and redirects back to it.
 */
public final class ChangeRoutes {
  private final ChangeSets changes;
  private final LiveVocabulary vocabulary;
  private final Pages pages;

  public ChangeRoutes(Database db, LiveVocabulary vocabulary, Pages pages) {
    this.changes = new ChangeSets(db);
    this.vocabulary = vocabulary;
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get("/admin/changes/{id}", this::show);
    routes.post("/admin/changes/{id}/undo", this::undo);
  }

  private void show(Context ctx) {
    ChangeSets.View change = changes.find(Params.idParam(ctx, "id"));
    String message = "undone".equals(ctx.queryParam("done")) ? undoneMessage(change) : null;
    pages.render(ctx, new ChangeSetPage(Auth.user(ctx), Auth.csrfToken(ctx), change, message));
  }

  private void undo(Context ctx) {
    long id = Params.idParam(ctx, "id");
    changes.undo(id, Auth.user(ctx));
    // A merge or a retirement changed the taxonomy search reads: this node uses the restored one at
    // once.
    vocabulary.reloadNow();
    ctx.redirect("/admin/changes/" + id + "?done=undone");
  }

  private static String undoneMessage(ChangeSets.View change) {
    if (!change.undone()) {
      return null;
    }
    int left = change.skipped().passages().size() + change.skipped().tags().size();
    return left == 0
        ? "Undone: everything is back as it was. Search follows within a second."
        : "Undone, except "
            + left
            + (left == 1 ? " thing" : " things")
            + " changed since, listed below.";
  }
}

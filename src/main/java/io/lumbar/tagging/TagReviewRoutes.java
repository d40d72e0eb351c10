package io.lumbar.tagging;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.accounts.Auth;
import io.lumbar.db.Database;
import io.lumbar.tagging.PassageTagger.Tagging;
import io.lumbar.tagging.TagReviewPage.Candidate;
import io.lumbar.tagging.TagReviewPage.Row;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /admin/articles/{id}/suggested-tags}: the review of suggested tags for a (newly imported)
 * article's published passages, and its post, which adds every accepted tag in one transaction
 * through {@link PassageTagger}, audited and sent to search as any tag change.
 */
public final class TagReviewRoutes {
  /**
   * Suggestions scoring at least this come checked: a majority of the neighbours' weight, or a name
   * plus a vote.
   */
  static final double PRECHECKED = 0.6;

  /** New suggestions shown per passage. */
  static final int SHOWN = 5;

  private final ReviewQueue queue;
  private final PassageTagger tagger;
  private final TagSuggester suggester;
  private final Pages pages;

  public TagReviewRoutes(Database db, TagSuggester suggester, Pages pages) {
    this.queue = new ReviewQueue(db);
    this.tagger = new PassageTagger(db);
    this.suggester = suggester;
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get("/admin/articles/{id}/suggested-tags", this::show);
    routes.post("/admin/articles/{id}/suggested-tags", this::apply);
  }

  private void show(Context ctx) {
    ReviewQueue.Article article = queue.article(Params.idParam(ctx, "id"));
    List<Row> rows = new ArrayList<>();
    for (ReviewQueue.Passage p : article.passages()) {
      List<Candidate> candidates =
          suggester.suggest(p.id(), p.heading(), p.text()).stream()
              .filter(s -> !p.tags().contains(s.slug()))
              .limit(SHOWN)
              .map(s -> new Candidate(s, s.score() >= PRECHECKED))
              .toList();
      rows.add(new Row(p.id(), p.position(), p.heading(), p.text(), candidates));
    }
    String added = ctx.queryParam("added");
    int n = added == null ? 0 : Params.intParam(added, "added");
    String message =
        added == null
            ? null
            : "Added " + n + (n == 1 ? " tag" : " tags") + ". Search shows them within a second.";
    pages.render(
        ctx,
        new TagReviewPage(
            Auth.user(ctx), Auth.csrfToken(ctx), article.id(), article.title(), rows, message));
  }

  private void apply(Context ctx) {
    ReviewQueue.Article article = queue.article(Params.idParam(ctx, "id"));
    Set<Long> passages = new java.util.HashSet<>();
    article.passages().forEach(p -> passages.add(p.id()));
    Set<Tagging> accepted = new LinkedHashSet<>();
    for (String value : ctx.formParams("accept")) {
      Tagging tagging = parse(value);
      if (!passages.contains(tagging.passageId())) {
        throw new BadRequestException(
            "Passage " + tagging.passageId() + " is not a published passage of this article");
      }
      accepted.add(tagging);
    }
    int added = tagger.tagAll(List.copyOf(accepted), Auth.user(ctx).username());
    ctx.redirect("/admin/articles/" + article.id() + "/suggested-tags?added=" + added);
  }

  /** "passage id:tag slug", as the form's checkboxes send it. */
  private static Tagging parse(String value) {
    int colon = value.indexOf(':');
    if (colon > 0 && colon < value.length() - 1) {
      try {
        long id = Long.parseLong(value.substring(0, colon));
        if (id > 0) {
          return new Tagging(id, value.substring(colon + 1));
        }
      } catch (NumberFormatException e) {
        // the 400 below
      }
    }
    throw new BadRequestException(
        "Each accepted suggestion is 'passage id:tag', not '" + value + "'");
  }
}

package io.lumbar.passages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import io.lumbar.search.RelatedPassages;
import io.lumbar.search.SearchLinks;
import io.lumbar.search.SearchResponse.Hit;
import io.lumbar.web.ErrorPage;
import io.lumbar.web.HttpErrors;
import io.lumbar.web.Pages;
import io.lumbar.web.Params;
import java.util.List;

/**
 * {@code GET /api/passages/{id}}: one published passage with its article and tags; {@code GET
 * /passages/{id}}: its public page. Passages that are not published are not public: both answer
 * 404.
 */
public final class PassageRoutes {
  static final int RELATED_ON_PAGE = 5;

  private final PassageDao passages;
  private final RelatedPassages related;
  private final Pages pages;

  public PassageRoutes(Database db, RelatedPassages related, Pages pages) {
    this.passages = new PassageDao(db);
    this.related = related;
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get(
        "/api/passages/{id}", ctx -> ctx.json(passages.findPublished(Params.idParam(ctx, "id"))));
    routes.get("/passages/{id}", this::page);
  }

  private void page(Context ctx) {
    long id = Params.idParam(ctx, "id");
    PassageView passage;
    try {
      passage = passages.findPublished(id);
    } catch (NotFoundException e) {
      HttpErrors.answerWithPage(
          ctx,
          pages,
          new ErrorPage(
              404,
              "This passage is not available",
              "There is no published passage "
                  + id
                  + ": it may be waiting for an editor's review, or it was withdrawn. "
                  + "Search for what you wanted to read instead."));
      return;
    }
    pages.render(
        ctx,
        new PassagePage(
            passage, relatedTo(id), SearchLinks.resultsPageOrNull(ctx.queryParam("back"))));
  }

  /** None while the index has not caught up with a passage published a moment ago. */
  private List<Hit> relatedTo(long id) {
    try {
      return related.find(id, RELATED_ON_PAGE).related();
    } catch (NotFoundException e) {
      return List.of();
    }
  }
}

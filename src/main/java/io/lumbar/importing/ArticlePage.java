package io.lumbar.importing;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;
import java.util.List;

/** One article: where it came from, its counts and its passages in order. {@code message} reports the import. */
public record ArticlePage(User user, String csrf, ArticleDao.Article article, List<ArticleDao.Passage> passages,
    String message) implements Page {
  @Override
  public String template() {
    return "importing/article.jte";
  }
}

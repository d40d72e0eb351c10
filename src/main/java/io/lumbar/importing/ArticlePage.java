package io.lumbar.importing;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;
import java.util.List;
import java.util.Map;

/**
 * One article: where it came from, its counts and one page of its outline ({@code limit} blocks
 * from {@code offset}): every block in order, kept or rejected and why. {@code rejectedByReason}
 * counts the whole article's rejected blocks by reason, most first. {@code message} reports the
 * import.
 */
public record ArticlePage(
    User user,
    String csrf,
    ArticleDao.Article article,
    List<ArticleDao.Passage> passages,
    List<Map.Entry<String, Long>> rejectedByReason,
    int offset,
    int limit,
    String message)
    implements Page {
  /** Every block of the article, on every page of its outline. */
  public int total() {
    return article.passages();
  }

  public String previousUrl() {
    return offset == 0
        ? null
        : "/admin/articles/" + article.id() + "?offset=" + Math.max(0, offset - limit);
  }

  public String nextUrl() {
    return offset + limit >= total()
        ? null
        : "/admin/articles/" + article.id() + "?offset=" + (offset + limit);
  }

  /** A CSS class per kind of reason, so site template, duplicates and page furniture read apart. */
  public static String reasonClass(String reason) {
    if (reason == null) {
      return "kept";
    }
    return switch (reason) {
      case SiteTemplate.REASON -> "why-template";
      case PassageAssembler.DUPLICATE -> "why-duplicate";
      case PassageAssembler.HEADING_WITHOUT_BODY, PassageAssembler.LIST_INTRO_WITHOUT_ITEMS ->
          "why-structure";
      default -> "why-furniture";
    };
  }

  @Override
  public String template() {
    return "importing/article.jte";
  }
}

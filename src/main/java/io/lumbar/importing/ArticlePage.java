package io.lumbar.importing;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One article: where it came from, its counts and its outline: every block in order, kept or rejected and why.
 * {@code message} reports the import.
 */
public record ArticlePage(User user, String csrf, ArticleDao.Article article, List<ArticleDao.Passage> passages,
    String message) implements Page {
  /** How many blocks each reason rejected, most first: what the import took for furniture, at a glance. */
  public List<Map.Entry<String, Long>> rejectedByReason() {
    Map<String, Long> counts = passages.stream().filter(p -> p.rejectReason() != null)
        .collect(Collectors.groupingBy(ArticleDao.Passage::rejectReason, LinkedHashMap::new, Collectors.counting()));
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
  }

  /** A CSS class per kind of reason, so site template, duplicates and page furniture read apart. */
  public static String reasonClass(String reason) {
    if (reason == null) {
      return "kept";
    }
    return switch (reason) {
      case SiteTemplate.REASON -> "why-template";
      case PassageAssembler.DUPLICATE -> "why-duplicate";
      case PassageAssembler.HEADING_WITHOUT_BODY, PassageAssembler.LIST_INTRO_WITHOUT_ITEMS -> "why-structure";
      default -> "why-furniture";
    };
  }

  @Override
  public String template() {
    return "importing/article.jte";
  }
}

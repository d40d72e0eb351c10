package io.lumbar.importing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * An article to import: its raw content and what is known about it besides. {@code title}, {@code
 * publisher}, {@code url} (the page it was taken from) and {@code publishedOn} may be null; the
 * title then comes from the text or the source name. The importer checks the provenance (see {@code
 * ArticleImporter.checkProvenance}).
 */
public record ArticleSource(
    String sourceName,
    String content,
    boolean html,
    String title,
    String publisher,
    String url,
    LocalDate publishedOn) {

  /** Plain text or HTML, decided by the file name or, failing that, by a look at the content. */
  public static ArticleSource of(String sourceName, String content) {
    String lower = sourceName.toLowerCase(java.util.Locale.ROOT);
    boolean html =
        lower.endsWith(".html")
            || lower.endsWith(".htm")
            || (!lower.endsWith(".txt") && looksLikeHtml(content));
    return new ArticleSource(sourceName, content, html, null, null, null, null);
  }

  public ArticleSource withMetadata(String newTitle, String newPublisher) {
    return new ArticleSource(sourceName, content, html, newTitle, newPublisher, url, publishedOn);
  }

  /**
   * Where the article was published: the page's URL and the publication date (either may be null).
   */
  public ArticleSource withProvenance(String newUrl, LocalDate newPublishedOn) {
    return new ArticleSource(sourceName, content, html, title, publisher, newUrl, newPublishedOn);
  }

  /** A publication date as people and date inputs write it, YYYY-MM-DD; blank is none. */
  public static LocalDate parseDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ImportException(
          "The publication date '" + text.strip() + "' is not a date: write it as YYYY-MM-DD");
    }
  }

  private static boolean looksLikeHtml(String content) {
    String head = content.stripLeading();
    head = head.substring(0, Math.min(head.length(), 512)).toLowerCase(java.util.Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
  }
}

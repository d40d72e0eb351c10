package io.lumbar.importing;

/**
 * An article to import: its raw content and what is known about it besides. {@code title} and
 * {@code publisher} may be null; the title then comes from the text or the source name.
 */
public record ArticleSource(String sourceName, String content, boolean html, String title, String publisher) {

  /** Plain text or HTML, decided by the file name or, failing that, by a look at the content. */
  public static ArticleSource of(String sourceName, String content) {
    String lower = sourceName.toLowerCase(java.util.Locale.ROOT);
    boolean html = lower.endsWith(".html") || lower.endsWith(".htm")
        || (!lower.endsWith(".txt") && looksLikeHtml(content));
    return new ArticleSource(sourceName, content, html, null, null);
  }

  public ArticleSource withMetadata(String newTitle, String newPublisher) {
    return new ArticleSource(sourceName, content, html, newTitle, newPublisher);
  }

  private static boolean looksLikeHtml(String content) {
    String head = content.stripLeading();
    head = head.substring(0, Math.min(head.length(), 512)).toLowerCase(java.util.Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
  }
}

package io.lumbar.importing;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Text written in Markdown (a CMS export, notes, a copy of a Markdown page): its headings, lists
 * and emphasis are markup, not words, so it is read as the HTML it stands for. Plain pastes are
 * left to {@link TextOutline}: only text that uses Markdown's own syntax more than once counts.
 */
final class MarkdownText {
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+\\S");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]+\\]\\([^)\\s]+\\)");
  private static final Pattern BOLD_LINE = Pattern.compile("(?m)^\\*\\*[^*\\n]+\\*\\*[ \\t]*$");

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

  private MarkdownText() {}

  /** Two Markdown headings, or one with a Markdown link or bold line, or three bold lines. */
  static boolean looksLikeMarkdown(String text) {
    long headings = HEADING.matcher(text).results().limit(2).count();
    long boldLines = BOLD_LINE.matcher(text).results().limit(3).count();
    return headings >= 2
        || headings == 1 && (LINK.matcher(text).find() || boldLines > 0)
        || boldLines >= 3;
  }

  /** The page the Markdown stands for; raw HTML inside it is shown as text, never run. */
  static String toHtml(String text) {
    return "<html><body><article>"
        + RENDERER.render(PARSER.parse(text))
        + "</article></body></html>";
  }
}

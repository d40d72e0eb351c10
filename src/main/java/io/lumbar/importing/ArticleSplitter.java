package io.lumbar.importing;

import java.util.List;

/**
 * Splits a page (HTML or captured plain text) into passages (the unit of search) and rejected
 * blocks (page furniture and leftovers, kept with their reason so that nothing of the source is
 * lost and curators can overrule): the page becomes an outline ({@link HtmlOutline}, {@link
 * TextOutline}), every block is judged ({@link BlockClassifier}) and the passages are assembled
 * under their headings ({@link PassageAssembler}).
 */
public final class ArticleSplitter {

  /** {@code title} is null when the page states none. */
  public record SplitArticle(String title, PageMeta meta, List<Block> blocks) {
    public SplitArticle {
      blocks = List.copyOf(blocks);
    }
  }

  /**
   * One passage or rejected block. {@code headingPath} holds the headings above it, outermost
   * first, without the article's title; {@code rejectReason} null means real content; {@code
   * duplicateOfPosition} is set only for reason {@value #DUPLICATE}.
   */
  public record Block(
      int position,
      List<String> headingPath,
      String text,
      String rejectReason,
      Integer duplicateOfPosition) {
    public Block {
      headingPath = List.copyOf(headingPath);
    }

    /** The deepest heading above the passage, or null. */
    public String heading() {
      return headingPath.isEmpty() ? null : headingPath.get(headingPath.size() - 1);
    }

    public boolean isContent() {
      return rejectReason == null;
    }
  }

  static final String HEADING_WITHOUT_BODY = PassageAssembler.HEADING_WITHOUT_BODY;
  static final String LIST_INTRO_WITHOUT_ITEMS = PassageAssembler.LIST_INTRO_WITHOUT_ITEMS;
  static final String REPEATED_TITLE = BlockClassifier.REPEATED_TITLE;
  static final String DUPLICATE = PassageAssembler.DUPLICATE;
  static final int MAX_PASSAGE_CHARS = PassageAssembler.MAX_PASSAGE_CHARS;

  private ArticleSplitter() {}

  /** A captured plain-text page. */
  public static SplitArticle split(String text) {
    return split(TextOutline.of(text));
  }

  /** A page as imported: HTML, or plain text (read as the HTML it stands for when Markdown). */
  public static SplitArticle split(ArticleSource source) {
    String content = source.content();
    if (source.html()) {
      return split(HtmlOutline.of(content));
    }
    return split(
        MarkdownText.looksLikeMarkdown(content)
            ? HtmlOutline.of(MarkdownText.toHtml(content))
            : TextOutline.of(content));
  }

  static SplitArticle split(PageOutline outline) {
    String[] reasons = BlockClassifier.classify(outline);
    return new SplitArticle(
        outline.title(), outline.meta(), PassageAssembler.assemble(outline.blocks(), reasons));
  }
}

package io.lumbar.importing;

import java.util.List;
import java.util.Set;

/**
 * Where the article body ends: at the first comment form, legal footer, feedback prompt ("Was this
 * page helpful?"), the writer's sign-off ("Kind regards,", a postscript), "related posts" heading
 * or reference heading that comes after most of the page's prose. What follows it (author
 * biographies, more teasers, shop badges) belongs to the page, not to the article.
 */
final class FooterZone {
  static final String REASON = "after the article ends";
  private static final Set<String> END_BLOCKS =
      Set.of("comment form", "legal footer", "feedback prompt", "sign-off");
  // "Learn more about X." links sit between paragraphs; only as a heading ("Related posts") do
  // these end the body.
  private static final Set<String> END_HEADINGS =
      Set.of("link teaser", "reference list", TeaserRun.REASON, ContentsList.REASON);
  // The marker must come after this share of the page's unrejected text, so a "related" box at the
  // top does not
  // end the article before it begins.
  private static final double MIN_SHARE_BEFORE = 0.6;

  private FooterZone() {}

  /**
   * The index of the first block after the article, or {@code blocks.size()} when the page shows no
   * end.
   */
  static int start(List<OutlineBlock> blocks, String[] reasons) {
    long total = 0;
    for (int i = 0; i < blocks.size(); i++) {
      if (reasons[i] == null) {
        total += blocks.get(i).text().length();
      }
    }
    long before = 0;
    for (int i = 0; i < blocks.size(); i++) {
      if (reasons[i] == null) {
        before += blocks.get(i).text().length();
      } else if (isEndMarker(blocks, i, reasons[i])
          && !LinkBreaks.stopOnNextLine(blocks, i)
          && before >= MIN_SHARE_BEFORE * total) {
        return i;
      }
    }
    return blocks.size();
  }

  private static boolean isEndMarker(List<OutlineBlock> blocks, int i, String reason) {
    OutlineBlock block = blocks.get(i);
    // "To learn more:" over a list of links heads that list as a "Related" heading would.
    boolean headingLike =
        block.isHeading()
            || TextOutline.announces(block.text())
                && i + 1 < blocks.size()
                && blocks.get(i + 1).kind() == OutlineBlock.Kind.LIST;
    return (END_BLOCKS.contains(reason) && block.text().length() <= 300)
        || (END_HEADINGS.contains(reason) && headingLike);
  }
}

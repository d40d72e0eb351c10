package io.lumbar.importing;

import java.util.List;

/**
 * "Related articles" boxes: a run of at least three teasers, each a title-like line followed by at
 * most a short blurb, where the titles are links (HTML) or the blurbs trail off ("…") or are
 * missing altogether. An article's own sections have bodies of their own, and its FAQ answers end
 * their sentences.
 */
final class TeaserRun {
  static final String REASON = "teaser";
  private static final int MIN_RUN = 3;
  private static final int MAX_BLURB_CHARS = 260;
  private static final double LINKED = 0.6;

  private TeaserRun() {}

  /** Marks {@code teaser[i]} for every block that belongs to a run of teasers. */
  static boolean[] find(List<OutlineBlock> blocks) {
    boolean[] teaser = new boolean[blocks.size()];
    int i = 0;
    while (i < blocks.size()) {
      int end = i;
      int teasers = 0;
      int evidence = 0;
      while (end < blocks.size() && isTitle(blocks.get(end))) {
        int next = end + 1;
        if (blocks.get(end).linkShare() >= LINKED) {
          evidence++;
        }
        if (next < blocks.size() && isBlurb(blocks.get(next), blocks.get(end))) {
          next++;
          evidence++;
        } else if (next < blocks.size() && !isTitle(blocks.get(next))) {
          // A title followed by a body of its own is a section, not a teaser.
          break;
        }
        teasers++;
        end = next;
      }
      // Bare headings in a row are sections without bodies, not teasers: it takes linked titles or
      // blurbs.
      if (teasers >= MIN_RUN && evidence >= MIN_RUN - 1) {
        for (int j = i; j < end; j++) {
          teaser[j] = true;
        }
        i = end;
      } else {
        i++;
      }
    }
    return teaser;
  }

  private static boolean isTitle(OutlineBlock block) {
    String text = block.text();
    if (block.lines().size() != 1 || text.length() > 140 || Words.of(text).size() < 2) {
      return false;
    }
    return block.linkShare() >= LINKED || block.isHeading();
  }

  private static boolean isBlurb(OutlineBlock block, OutlineBlock title) {
    if (block.isHeading() || block.lines().size() != 1 || block.text().length() > MAX_BLURB_CHARS) {
      return false;
    }
    String text = TextNormalizer.normalize(block.text());
    boolean trailsOff = text.endsWith("...") || text.endsWith("…");
    boolean linked = title.linkShare() >= LINKED;
    return trailsOff || linked;
  }
}

package io.lumbar.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * A list, or a paragraph of sentences (a list's intro), that the content extractor dropped from the
 * middle of the article: the nearest text before it and the nearest text after it (headings between
 * them aside) are both in what the extractor took, outside any page region, and read as content by
 * their own evidence, so the block sits inside the article's own column. Extractors clean lists of
 * short items and the short paragraphs beside them out of an article they otherwise keep ("Who can
 * benefit?" over a list of conditions); what surrounds them says they belong to it. Only the
 * extractor's verdict is set aside: every other rule (links, calls to action, page furniture) still
 * judges the block.
 */
final class EnclosedBlock {
  private static final double MAX_LINK_SHARE = 0.2;
  // A list's intro that says why its items matter ("Stretching helps in three ways:"); links are
  // judged apart, for lists too.
  private static final SentenceParagraph INTRO = new SentenceParagraph(8, 0.2, 1.0, true);

  private EnclosedBlock() {}

  /**
   * The blocks, with those the article's text encloses counted as the extractor's text: every rule
   * after this one treats them as the article's own.
   */
  static List<OutlineBlock> include(List<OutlineBlock> blocks) {
    boolean[] enclosed = find(blocks);
    List<OutlineBlock> included = new ArrayList<>(blocks);
    for (int i = 0; i < enclosed.length; i++) {
      if (enclosed[i]) {
        included.set(i, blocks.get(i).inArticle());
        // Its heading was dropped with it.
        for (int j = i - 1; j >= 0 && blocks.get(j).isHeading(); j--) {
          if (blocks.get(j).chrome() == null) {
            included.set(j, blocks.get(j).inArticle());
          }
        }
      }
    }
    return included;
  }

  /** Which blocks are out of the extractor's text but enclosed by the article's text. */
  private static boolean[] find(List<OutlineBlock> blocks) {
    boolean[] found = new boolean[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock block = blocks.get(i);
      if (block.inMain()
          || !(block.kind() == OutlineBlock.Kind.LIST || INTRO.test(block))
          || block.chrome() != null
          || block.linkShare() >= MAX_LINK_SHARE) {
        continue;
      }
      found[i] = articleText(blocks, i, -1) && articleText(blocks, i, +1);
    }
    return found;
  }

  /**
   * Whether the nearest text block in {@code step}'s direction is the extractor's article text that
   * its own evidence keeps.
   */
  private static boolean articleText(List<OutlineBlock> blocks, int from, int step) {
    for (int j = from + step; j >= 0 && j < blocks.size(); j += step) {
      OutlineBlock block = blocks.get(j);
      if (block.isHeading() || block.text().codePoints().noneMatch(Character::isLetter)) {
        continue;
      }
      return block.inMain()
          && block.chrome() == null
          && BlockClassifier.ownReason(block, null).isEmpty();
    }
    return false;
  }
}

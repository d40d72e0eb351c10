package io.lumbar.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list of bare titles (a menu, "Related", "Products", a news box): short items that are not
 * sentences, with no intro announcing them. An article's own list of that shape ("Symptoms: - Fever
 * - Chills") sits among its prose; a link list is the one that the page shows twice (a menu at the
 * top and the bottom), that comes after the page's last paragraph of prose, or that opens the page
 * before anything of the article (a "Don't miss" box above the title). Where the page's markup
 * shows its links, a list with none in the extracted article is not a list of links.
 */
final class LinkList {
  static final String REASON = "link list";
  private static final int MAX_ITEM_CHARS = 100;
  // Titles are mostly names; items that are sentences without a period ("Your leg feels numb") are
  // not titles.
  private static final double MAX_STOP_WORDS = 0.3;

  private LinkList() {}

  /**
   * Marks, in {@code reasons}, every list of bare titles that repeats in the page or follows the
   * last prose.
   */
  static void mark(List<OutlineBlock> blocks, String[] reasons) {
    int lastProse = -1;
    // A page whose markup shows its links (HTML) says which lists are links: one without a single
    // link inside the extracted article is the article's own list of points, wherever it sits.
    boolean linksShown = blocks.stream().anyMatch(b -> b.linkShare() > 0);
    Map<String, Integer> copies = new HashMap<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (reasons[i] == null && BlockClassifier.readsAsProse(blocks.get(i))) {
        lastProse = i;
      }
      if (isBareTitles(blocks.get(i))) {
        copies.merge(key(blocks.get(i)), 1, Integer::sum);
      }
    }
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock block = blocks.get(i);
      if (reasons[i] != null
          || !isBareTitles(block)
          || announced(blocks, i)
          || linksShown && block.inMain() && block.linkShare() == 0) {
        continue;
      }
      // A page without a paragraph of prose shows no end of the article: only repetition counts
      // there.
      if ((lastProse >= 0 && (i > lastProse || opensThePage(reasons, i)))
          || copies.get(key(block)) > 1) {
        reasons[i] = REASON;
      }
    }
  }

  /** Nothing before the block is kept: the list comes before the article starts. */
  private static boolean opensThePage(String[] reasons, int i) {
    for (int k = 0; k < i; k++) {
      if (reasons[k] == null) {
        return false;
      }
    }
    return true;
  }

  static boolean isBareTitles(OutlineBlock block) {
    if (block.kind() != OutlineBlock.Kind.LIST) {
      return false;
    }
    for (String line : block.lines()) {
      String item = TextNormalizer.normalize(line.replaceFirst("^\\S+\\s+", ""));
      if (item.isEmpty()
          || item.length() > MAX_ITEM_CHARS
          || ".!:;,".indexOf(item.charAt(item.length() - 1)) >= 0) {
        return false;
      }
    }
    return Words.stopWordShare(block.text()) < MAX_STOP_WORDS;
  }

  private static boolean announced(List<OutlineBlock> blocks, int i) {
    return i > 0
        && !blocks.get(i - 1).isHeading()
        && blocks.get(i - 1).text().strip().endsWith(":");
  }

  private static String key(OutlineBlock block) {
    return String.join(" ", Words.of(block.text().toLowerCase(Locale.ROOT)));
  }
}

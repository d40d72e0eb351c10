package io.lumbar.importing;

import java.util.Arrays;
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
  // Short advice is terse ("Gentle stretches usually ease stiff knees within days."): few of its
  // words are function words.
  private static final SentenceParagraph SHORT_ADVICE = new SentenceParagraph(0, 0.08, 0.2, false);
  private static final int MIN_SENTENCE_WORDS = 6;

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
    // Prose in the page's footer (a site's notice in one sentence) does not carry the article on.
    int footer = FooterZone.start(blocks, reasons);
    // Only a page with a paragraph that reads as prose by its length (anywhere, footer included)
    // shows where its article ends; short sentences before the footer then carry the article on.
    boolean showsProse = false;
    for (int i = 0; i < blocks.size(); i++) {
      if (reasons[i] == null && i < footer && isProse(blocks.get(i))) {
        lastProse = i;
      }
      showsProse |= reasons[i] == null && BlockClassifier.readsAsProse(blocks.get(i));
      if (isBareTitles(blocks.get(i))) {
        copies.merge(key(blocks.get(i)), 1, Integer::sum);
      }
    }
    if (!showsProse) {
      lastProse = -1;
    }
    // Whether anything before the block is kept; if not, a list there opens the page, before the
    // article starts.
    boolean keptBefore = false;
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock block = blocks.get(i);
      if (reasons[i] == null
          && isBareTitles(block)
          && !announced(blocks, i)
          && !(linksShown && block.inMain() && block.linkShare() == 0)
          // A page without a paragraph of prose shows no end of the article: only repetition
          // counts there.
          && ((lastProse >= 0 && (i > lastProse || !keptBefore)) || copies.get(key(block)) > 1)) {
        reasons[i] = REASON;
      }
      keptBefore |= reasons[i] == null;
    }
  }

  /**
   * The article's prose: a paragraph long enough to read as prose, or a short one of whole
   * sentences (a one-line answer under a question), which a menu or a teaser never is.
   */
  private static boolean isProse(OutlineBlock block) {
    if (BlockClassifier.readsAsProse(block)) {
      return true;
    }
    return SHORT_ADVICE.test(block) && sentences(block.text().strip());
  }

  /**
   * Sentences of a few words each, every one with a word that glues English together; a citation's
   * pieces ("In: Name AB, ed.", "City, ST: Publisher; YEAR:chap N.") are not.
   */
  private static boolean sentences(String text) {
    return Arrays.stream(TextOutline.SENTENCE_BREAK.split(text))
        .allMatch(
            sentence ->
                Words.of(sentence).size() >= MIN_SENTENCE_WORDS
                    && Words.stopWordShare(sentence) > 0);
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

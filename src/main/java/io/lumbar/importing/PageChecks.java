package io.lumbar.importing;

import io.lumbar.importing.ArticleSplitter.Block;
import io.lumbar.importing.ArticleSplitter.SplitArticle;

/**
 * Refuses pages that hold no article Lumbar can use, with one message that says why, before
 * anything is stored: a page whose every block is page furniture, and a page in another language.
 * Lumbar's analysis, synonyms and boilerplate rules are English; importing another language would
 * publish passages nobody can find, so the page is refused rather than imported with a warning.
 */
final class PageChecks {
  // English prose is 30-50 % function words; a page under this share is mostly another language.
  static final double MIN_ENGLISH_SHARE = 0.12;
  private static final int MIN_WORDS_TO_JUDGE = 60;

  private PageChecks() {}

  static void check(String sourceName, SplitArticle split) {
    StringBuilder content = new StringBuilder();
    for (Block block : split.blocks()) {
      if (block.isContent()) {
        content.append(block.text()).append('\n');
      }
    }
    if (content.isEmpty()) {
      throw new ImportException(
          sourceName
              + " has no article text: all "
              + split.blocks().size()
              + " blocks are page furniture (navigation, links, forms...), so nothing was imported");
    }
    double english = Words.stopWordShare(content.toString());
    if (Words.of(content).size() >= MIN_WORDS_TO_JUDGE && english < MIN_ENGLISH_SHARE) {
      throw new ImportException(
          sourceName
              + " does not read as English ("
              + Math.round(100 * english)
              + " % common English words, English prose has 30-50 %); Lumbar imports English articles only");
    }
  }
}

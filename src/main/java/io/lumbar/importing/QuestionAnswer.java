package io.lumbar.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Questions and their answers (a FAQ, often an accordion of toggles and panels): a heading that
 * asks, straight over a paragraph that answers it in sentences. Extractors keep the page's main
 * column and leave such a section out, yet it is the article's text; the answers are short, so they
 * do not read as prose by length. A heading straight over such questions (one level up) heads them.
 * Page regions (menus, footers, sidebars) stay what they are, and every other rule still judges the
 * blocks.
 */
final class QuestionAnswer {
  private static final int MIN_ANSWER_WORDS = 6;
  private static final double MAX_LINK_SHARE = 0.2;
  // Answers are terse ("Treatment may include ..., ... and ..."); the question is the evidence.
  private static final double MIN_STOP_WORDS = 0.15;

  private QuestionAnswer() {}

  /**
   * The blocks, with every question, its answer and the heading over answered questions counted as
   * the extractor's text, as {@link EnclosedBlock} counts what the article encloses: every rule
   * after this one treats them as the article's own.
   */
  static List<OutlineBlock> include(List<OutlineBlock> blocks) {
    boolean[] found = find(blocks);
    List<OutlineBlock> included = new ArrayList<>(blocks);
    for (int i = 0; i < found.length; i++) {
      if (found[i]) {
        included.set(i, blocks.get(i).inArticle());
      }
    }
    return included;
  }

  /** Which blocks are a question, its answer, or the heading over answered questions. */
  private static boolean[] find(List<OutlineBlock> blocks) {
    boolean[] found = new boolean[blocks.size()];
    for (int i = blocks.size() - 1; i > 0; i--) {
      OutlineBlock block = blocks.get(i);
      OutlineBlock before = blocks.get(i - 1);
      if (answers(before, block)) {
        found[i] = true;
        found[i - 1] = true;
      } else if (found[i]
          && block.isHeading()
          && before.isHeading()
          && before.chrome() == null
          && before.level() < block.level()) {
        found[i - 1] = true;
      }
    }
    return found;
  }

  private static boolean answers(OutlineBlock question, OutlineBlock answer) {
    String text = answer.text().strip();
    return question.isHeading()
        && question.chrome() == null
        && question.text().strip().endsWith("?")
        && answer.kind() == OutlineBlock.Kind.PARAGRAPH
        && answer.chrome() == null
        && answer.linkShare() < MAX_LINK_SHARE
        && (text.endsWith(".") || text.endsWith("!"))
        && Words.of(text).size() >= MIN_ANSWER_WORDS
        && Words.stopWordShare(text) >= MIN_STOP_WORDS;
  }
}

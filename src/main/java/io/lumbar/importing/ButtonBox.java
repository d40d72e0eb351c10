package io.lumbar.importing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A promotion box ends in a button ("Open It Now", "Click Here"): the short caption just above the
 * button pitches what it leads to ("Discover three ways to...", "Struggling to...?", "Browse our
 * range..."), and a box with a question for a title ("Fun fact?") is the title, its few short lines
 * and the button. Article paragraphs do not end in buttons.
 */
final class ButtonBox {
  static final String REASON = CallToAction.REASON;
  private static final int MAX_BUTTON_WORDS = 6;
  private static final int MAX_CAPTION_CHARS = 260;
  private static final int MAX_BOX_BLOCKS = 3;
  private static final int MAX_BOX_LINE_CHARS = 300;

  // A button ends with where it takes the reader: "Click Here", "Go Now", "Read More", "Listen On".
  private static final Pattern BUTTON =
      Pattern.compile(
          "(\\b(?<!for |from )(now|here)|\\b(click|tap|read|watch|listen"
              + "|consult|order|buy|shop|explore) (this|more|on)|^(click|tap) to( \\w+){1,3})[!.]?$",
          Pattern.CASE_INSENSITIVE);
  // A caption invites: a sentence starting with an invitation or pointing ("Here are..."), a
  // question to the reader, or the site as "our".
  private static final Pattern INVITATION =
      Pattern.compile(
          "(^|[.!?]\\s+)(read|know|learn|discover|find out|here (are|is)"
              + "|understand|browse|buy|order|try|explore|check|watch|shop|click|tap|see how|see why)\\b|\\?|\\b(our|us)\\b",
          Pattern.CASE_INSENSITIVE);

  private ButtonBox() {}

  /** A button label: a few words without a sentence, ending in where it takes the reader. */
  static boolean isButton(OutlineBlock block) {
    String text = TextNormalizer.normalize(block.text());
    int words = Words.of(text).size();
    return block.lines().size() == 1
        && words >= 1
        && words <= MAX_BUTTON_WORDS
        && !TextOutline.SENTENCE_BREAK.matcher(text).find()
        && BUTTON.matcher(text).find();
  }

  /**
   * Marks, in {@code reasons}, every button and above it either its caption (with a question title
   * right above it) or, without a caption, the box of a few short lines that a question title
   * opens.
   */
  static void mark(List<OutlineBlock> blocks, String[] reasons) {
    for (int i = 0; i < blocks.size(); i++) {
      if (!isButton(blocks.get(i))) {
        continue;
      }
      if (reasons[i] == null) {
        reasons[i] = REASON;
      }
      if (i > 0 && reasons[i - 1] == null && isCaption(blocks.get(i - 1))) {
        // The caption is the pitch; what stands above it may be the article's own text.
        reasons[i - 1] = REASON;
        if (i > 1 && isQuestionTitle(blocks.get(i - 2))) {
          reasons[i - 2] = REASON;
        }
        continue;
      }
      int box = boxStart(blocks, i);
      for (int j = Math.max(box, 0); box >= 0 && j < i; j++) {
        reasons[j] = REASON;
      }
    }
  }

  /** The question heading that opens a box of a few short lines ending at the button, or -1. */
  private static int boxStart(List<OutlineBlock> blocks, int button) {
    for (int j = button - 1; j >= 0 && j >= button - 1 - MAX_BOX_BLOCKS; j--) {
      OutlineBlock block = blocks.get(j);
      if (isQuestionTitle(block)) {
        return j < button - 1 ? j : -1;
      }
      if (block.isHeading()
          || block.text().length() > MAX_BOX_LINE_CHARS
          || block.lines().size() > 1) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isQuestionTitle(OutlineBlock block) {
    return block.isHeading() && block.text().strip().endsWith("?");
  }

  static boolean isCaption(OutlineBlock block) {
    String text = TextNormalizer.normalize(block.text());
    return !block.isHeading()
        && block.lines().size() == 1
        && text.length() <= MAX_CAPTION_CHARS
        && INVITATION.matcher(text.toLowerCase(Locale.ROOT)).find();
  }
}

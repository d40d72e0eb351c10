package io.lumbar.importing;

import java.util.List;
import java.util.Optional;

/**
 * A passage in another language inside an English page (captions of a clinic's videos, a customer's
 * review): sentences of ordinary lower-case words with hardly any (under one in 25) of the function
 * words English cannot do without. An English sentence of this length always has some ("the", "of",
 * "to", "and"); a comma list of symptoms has none, so lists and comma or semicolon runs are left
 * alone, and so is anything without a sentence's full stop. Lumbar's analysis is English, so such a
 * passage could never be found.
 */
final class OtherLanguage {
  static final String REASON = "another language";
  private static final int MIN_WORDS = 15;
  private static final double MAX_ENGLISH_SHARE = 0.04;
  private static final double MIN_LOWER_CASE_SHARE = 0.6;

  private OtherLanguage() {}

  static Optional<String> reason(OutlineBlock block) {
    // One paragraph of running text: an English intro over a list of short names reads, whole, like
    // one without function words.
    if (block.kind() != OutlineBlock.Kind.PARAGRAPH || block.lines().size() != 1) {
      return Optional.empty();
    }
    String text = block.text();
    List<String> words = Words.of(text);
    if (words.size() < MIN_WORDS
        || text.chars().noneMatch(c -> c == '.' || c == '!' || c == '?')
        || text.chars().filter(c -> c == ',' || c == ';').count() * 5 > words.size()
        || Words.stopWordShare(text) > MAX_ENGLISH_SHARE) {
      return Optional.empty();
    }
    long lower = words.stream().filter(w -> Character.isLowerCase(w.codePointAt(0))).count();
    return lower >= MIN_LOWER_CASE_SHARE * words.size() ? Optional.of(REASON) : Optional.empty();
  }
}

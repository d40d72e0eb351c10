package io.lumbar.importing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A list of index terms: names of the topic run together with semicolons ("Backache; Lumbar pain;
 * Back strain"), as pages print other names or keywords for search. Health text says something
 * about its terms; a term list only names them: several short pieces, none a sentence, almost no
 * function words.
 */
final class TermList {
  static final String REASON = "term list";
  private static final Pattern SEPARATOR = Pattern.compile("\\s*;\\s*");
  private static final int MIN_TERMS = 4;
  private static final int MAX_TERM_WORDS = 6;
  private static final double MAX_STOP_WORDS = 0.1;

  private TermList() {}

  static Optional<String> reason(String text) {
    String t = TextNormalizer.normalize(text).strip();
    String[] terms = SEPARATOR.split(t.endsWith(";") ? t.substring(0, t.length() - 1) : t);
    if (terms.length < MIN_TERMS || Words.stopWordShare(t) > MAX_STOP_WORDS) {
      return Optional.empty();
    }
    for (String term : terms) {
      int words = Words.of(term).size();
      if (words == 0 || words > MAX_TERM_WORDS || term.matches(".*[.!?:]$")) {
        return Optional.empty();
      }
    }
    return Optional.of(REASON);
  }
}

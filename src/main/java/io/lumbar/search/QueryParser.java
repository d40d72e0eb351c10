package io.lumbar.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits what a person typed into quoted phrases and loose words. Nothing else is syntax: brackets,
 * stars, colons and the like are plain text for the analyzer to drop. Repeated words are dropped
 * and only the first {@link #MAX_WORDS} words and {@link #MAX_PHRASES} phrases count, which keeps
 * every query far below Lucene's clause limit even after synonym expansion.
 */
final class QueryParser {
  static final int MAX_WORDS = 32;
  static final int MAX_PHRASES = 8;
  private static final java.util.regex.Pattern WORD_SEPARATORS =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}\\p{M}'\u2019]+");

  record ParsedQuery(String looseText, List<String> phrases) {}

  private QueryParser() {}

  static ParsedQuery parse(String input) {
    List<String> phrases = new ArrayList<>();
    StringBuilder loose = new StringBuilder();
    String normalized = input.replace('\u201c', '"').replace('\u201d', '"');
    int i = 0;
    while (i < normalized.length()) {
      int open = normalized.indexOf('"', i);
      if (open < 0) {
        loose.append(normalized, i, normalized.length());
        break;
      }
      int close = normalized.indexOf('"', open + 1);
      if (close < 0) {
        // An unbalanced quote is just a character.
        loose
            .append(normalized, i, open)
            .append(' ')
            .append(normalized, open + 1, normalized.length());
        break;
      }
      loose.append(normalized, i, open).append(' ');
      String phrase = normalized.substring(open + 1, close).strip();
      if (!phrase.isEmpty() && phrases.size() < MAX_PHRASES) {
        phrases.add(phrase);
      }
      i = close + 1;
    }
    return new ParsedQuery(distinctWords(loose.toString()), phrases);
  }

  private static String distinctWords(String text) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    // Split like the tokenizer does (commas, slashes, dots...), so the cap cannot be passed with
    // "a,b,c,...".
    for (String word : WORD_SEPARATORS.split(text.strip())) {
      if (!word.isEmpty() && seen.add(word.toLowerCase(Locale.ROOT)) && words.size() < MAX_WORDS) {
        words.add(word);
      }
    }
    return String.join(" ", words);
  }
}

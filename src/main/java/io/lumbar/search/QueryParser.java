package io.lumbar.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits what a person typed into quoted phrases and loose words. Nothing else is syntax: brackets,
 * stars, colons and the like are plain text for the analyzer to drop.
 */
final class QueryParser {
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
        loose.append(normalized, i, open).append(' ').append(normalized, open + 1, normalized.length());
        break;
      }
      loose.append(normalized, i, open).append(' ');
      String phrase = normalized.substring(open + 1, close).strip();
      if (!phrase.isEmpty()) {
        phrases.add(phrase);
      }
      i = close + 1;
    }
    return new ParsedQuery(loose.toString().strip(), phrases);
  }
}

package io.lumbar.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words of a text, and how much of it is the small words that glue English prose together. */
final class Words {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");
  // The commonest English function words: prose is about a third to a half of them, menus and
  // labels few.
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
          "because", "been", "before", "being", "but", "by", "can", "could", "do", "does", "during",
          "each", "for", "from", "has", "have", "how", "if", "in", "into", "is", "it", "its", "may",
          "more", "most", "much", "not", "of", "on", "or", "other", "over", "so", "some", "such",
          "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
          "through", "to", "up", "very", "was", "we", "were", "what", "when", "where", "which",
          "while", "who", "why", "will", "with", "would", "you", "your");

  private Words() {}

  static List<String> of(CharSequence text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** Share of the words that are English function words; 0 for a text without words. */
  static double stopWordShare(String text) {
    List<String> words = of(text);
    if (words.isEmpty()) {
      return 0;
    }
    long stop = words.stream().filter(w -> STOP_WORDS.contains(w.toLowerCase(Locale.ROOT))).count();
    return (double) stop / words.size();
  }
}

package io.lumbar.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of answer a query asks for, from its question words: "treatment for a strained back"
 * and "what helps sciatica" ask for treatments, "why does my back hurt" and "what causes night
 * pain" for causes. Read from the raw words, since most question words are stop words.
 */
final class Intent {
  private static final Pattern WORDS = Pattern.compile("[^\\p{L}']+");
  private static final Set<String> TREATMENT =
      Set.of(
          "treat",
          "treats",
          "treated",
          "treating",
          "treatment",
          "treatments",
          "remedy",
          "remedies",
          "relief",
          "relieve",
          "relieves",
          "relieving",
          "help",
          "helps",
          "cure",
          "cures",
          "manage",
          "managing",
          "management",
          "fix",
          "ease",
          "options",
          "heal",
          "healing",
          "recover",
          "recovery");
  private static final Set<String> CAUSE =
      Set.of("why", "cause", "causes", "caused", "causing", "reason", "reasons", "because");

  private Intent() {}

  /** "treatment" and/or "cause", in that order; empty for a query that asks for neither. */
  static Set<String> of(String query) {
    Set<String> kinds = new LinkedHashSet<>();
    for (String word : WORDS.split(query.toLowerCase(Locale.ROOT))) {
      if (TREATMENT.contains(word)) {
        kinds.add("treatment");
      } else if (CAUSE.contains(word)) {
        kinds.add("cause");
      }
    }
    return kinds;
  }
}

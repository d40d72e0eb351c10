package io.lumbar.search;

import java.text.BreakIterator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.jsoup.nodes.Entities;

/**
 * Snippet text for passages where no query word matched the body: a heading-only match, or a
 * passage found by meaning alone.
 */
final class Snippets {
  private Snippets() {}

  /** The first {@code max} characters, cut at a word boundary, HTML-escaped. */
  static String leading(String text, int max) {
    return escape(cut(text, max));
  }

  /**
   * The sentence of {@code text} sharing the most of {@code queryTerms} (the query's stems and
   * their synonyms' stems), the earliest of equals, cut to {@code max} characters and HTML-escaped;
   * the opening when no sentence shares one. Words rather than a vector per sentence: embedding
   * every sentence of a page of hits would cost more than the whole search.
   */
  static String bestSentence(String text, Set<String> queryTerms, Analyzer stemmed, int max) {
    if (queryTerms.isEmpty()) {
      return leading(text, max);
    }
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(text);
    String best = null;
    int bestShared = 0;
    for (int start = sentences.first(), end = sentences.next();
        end != BreakIterator.DONE;
        start = end, end = sentences.next()) {
      String sentence = text.substring(start, end).strip();
      Set<String> shared = new HashSet<>(SymptomQuery.tokens(stemmed, sentence));
      shared.retainAll(queryTerms);
      if (shared.size() > bestShared) {
        best = sentence;
        bestShared = shared.size();
      }
    }
    return best == null ? leading(text, max) : escape(cut(best, max));
  }

  /** The stems a sentence can share with the query: the query's own and its synonyms'. */
  static Set<String> queryTerms(String query, Analyzer synonyms) {
    return new HashSet<>(SymptomQuery.tokens(synonyms, query));
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int space = text.lastIndexOf(' ', max);
    return text.substring(0, space > max / 2 ? space : max) + " …";
  }

  static String escape(String text) {
    return Entities.escape(text);
  }
}

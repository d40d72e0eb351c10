package io.lumbar.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether two blocks of a site's pages are the same box with each page's topic put in: sites fill
 * their standard boxes (a call for volunteers, a list of organisations) with the page's own topic
 * words, so an exact repeat misses them. The words of each page's title are masked, and the blocks
 * are compared by their three-word shingles; the bar is high, so two articles of a site that share
 * a phrase or a topic keep their own prose.
 */
final class NearRepeat {
  /** Shingles two blocks must share (Jaccard): the box's wording, not a common phrase. */
  static final double THRESHOLD = 0.7;

  /** Shorter blocks are judged by exact repetition only; a few words say too little. */
  static final int MIN_WORDS = 8;

  private static final String MASK = "\u0000";
  private static final int SHINGLE = 3;

  private NearRepeat() {}

  /** The topic words of a page: its title's words other than function words, lower-cased. */
  static Set<String> topic(String title) {
    Set<String> topic = new HashSet<>();
    if (title == null) {
      return topic;
    }
    for (String w : Words.of(title)) {
      String word = w.toLowerCase(Locale.ROOT);
      if (Words.stopWordShare(word) == 0) {
        topic.add(word);
      }
    }
    return topic;
  }

  /** The block's shingles with its page's topic words masked; empty when the block is short. */
  static Set<String> shingles(String text, Set<String> topic) {
    List<String> words = Words.of(text);
    if (words.size() < MIN_WORDS) {
      return Set.of();
    }
    List<String> masked = new ArrayList<>();
    for (String w : words) {
      String word = w.toLowerCase(Locale.ROOT);
      String token = topic.contains(word) ? MASK : word;
      // A one-word topic and a two-word topic both become one mask.
      if (!(token.equals(MASK) && !masked.isEmpty() && masked.getLast().equals(MASK))) {
        masked.add(token);
      }
    }
    Set<String> shingles = new HashSet<>();
    for (int i = 0; i + SHINGLE <= masked.size(); i++) {
      shingles.add(String.join(" ", masked.subList(i, i + SHINGLE)));
    }
    return shingles;
  }

  /** Whether two blocks' shingles say they are one box. */
  static boolean same(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    int shared = 0;
    for (String s : a) {
      if (b.contains(s)) {
        shared++;
      }
    }
    return shared >= THRESHOLD * (a.size() + b.size() - shared);
  }
}

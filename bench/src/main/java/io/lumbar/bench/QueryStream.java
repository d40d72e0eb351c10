package io.lumbar.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search queries a load sends: drawn from the mix (queries repeat, as people's do: a query
 * vector cache and planning cache are fair), or a stream where no query repeats: a query of the mix
 * followed by two words of the bundled articles, walking every such combination once from a
 * position drawn for each run, so no cache of whole queries helps and every query is embedded, also
 * when one server takes several runs (a stream that started at the first combination every run
 * replayed the queries of the runs before it, whose vectors and plans the server had kept).
 */
abstract sealed class QueryStream {
  abstract String next(Random random);

  /** What {@code --stream} names it. */
  abstract String name();

  static QueryStream repeating(List<String> mix) {
    return new Repeating(mix);
  }

  static QueryStream unique(List<String> mix, List<String> words) {
    long combinations = (long) mix.size() * words.size() * words.size();
    return unique(
        mix, words, java.util.concurrent.ThreadLocalRandom.current().nextLong(combinations));
  }

  /** A stream where no query repeats, from combination {@code start}. */
  static QueryStream unique(List<String> mix, List<String> words, long start) {
    return new Unique(mix, words, start);
  }

  /**
   * The distinct words of the bundled articles, lower case, letters only, three letters or more.
   */
  static List<String> bundledWords(BundledLanguage language) {
    Set<String> words = new LinkedHashSet<>();
    for (String token : language.tokens) {
      String word = token.toLowerCase(Locale.ROOT);
      if (word.length() >= 3 && word.chars().allMatch(Character::isLetter)) {
        words.add(word);
      }
    }
    return new ArrayList<>(words);
  }

  private static final class Repeating extends QueryStream {
    private final List<String> mix;

    Repeating(List<String> mix) {
      this.mix = List.copyOf(mix);
    }

    @Override
    String next(Random random) {
      return mix.get(random.nextInt(mix.size()));
    }

    @Override
    String name() {
      return "repeating";
    }
  }

  private static final class Unique extends QueryStream {
    private final List<String> mix;
    private final List<String> words;
    private final AtomicLong sent;

    Unique(List<String> mix, List<String> words, long start) {
      if (words.isEmpty()) {
        throw new IllegalArgumentException("No words to make queries unique with");
      }
      this.mix = List.copyOf(mix);
      this.words = List.copyOf(words);
      this.sent = new AtomicLong(start);
    }

    @Override
    String next(Random random) {
      long n = mix.size();
      long w = words.size();
      // Every (query, word, word) once per n * w * w queries, from wherever the run started.
      long i = Math.floorMod(sent.getAndIncrement(), n * w * w);
      return mix.get((int) (i % n))
          + ' '
          + words.get((int) (i / n % w))
          + ' '
          + words.get((int) (i / (n * w) % w));
    }

    @Override
    String name() {
      return "unique";
    }
  }
}

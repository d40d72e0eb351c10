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
 * vector cache and planning cache are fair), or a stream where no query repeats: the i-th is a
 * query of the mix followed by one word of the bundled articles (two words once every pair has been
 * sent), so no cache of whole queries helps and every query is embedded.
 */
abstract sealed class QueryStream {
  abstract String next(Random random);

  /** What {@code --stream} names it. */
  abstract String name();

  static QueryStream repeating(List<String> mix) {
    return new Repeating(mix);
  }

  static QueryStream unique(List<String> mix, List<String> words) {
    return new Unique(mix, words);
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
    private final AtomicLong sent = new AtomicLong();

    Unique(List<String> mix, List<String> words) {
      if (words.isEmpty()) {
        throw new IllegalArgumentException("No words to make queries unique with");
      }
      this.mix = List.copyOf(mix);
      this.words = List.copyOf(words);
    }

    @Override
    String next(Random random) {
      long i = sent.getAndIncrement();
      long n = mix.size();
      long w = words.size();
      StringBuilder query =
          new StringBuilder(mix.get((int) (i % n)))
              .append(' ')
              .append(words.get((int) (i / n % w)));
      if (i >= n * w) {
        query.append(' ').append(words.get((int) (i / (n * w) % w)));
      }
      return query.toString();
    }

    @Override
    String name() {
      return "unique";
    }
  }
}

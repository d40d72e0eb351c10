package io.lumbar.bench;

import io.lumbar.bench.BundledLanguage.Source;
import io.lumbar.bench.BundledLanguage.TagSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A deterministic synthetic corpus of {@code passages} passages: text walked from the bundled
 * articles' word-pair model (so term statistics resemble the real text), 30–120 words a passage
 * (triangular, mean 75), sections of 3–8 passages under a bundled heading (one in five without),
 * 150–450 passages an article, and each passage tagged like a randomly drawn curated passage. All
 * published. The same seed gives the same corpus, byte for byte: {@link Random} is specified to the
 * bit, and the model is built in a fixed order. Articles are generated as they are iterated, so a
 * million passages never sit in memory at once.
 */
public final class SyntheticCorpus implements Iterable<SyntheticCorpus.Article> {
  static final int MIN_WORDS = 30;
  static final int MAX_WORDS = 120;
  static final int MIN_ARTICLE = 150;
  static final int MAX_ARTICLE = 450;
  static final int MIN_SECTION = 3;
  static final int MAX_SECTION = 8;

  /** One synthetic passage; {@code heading} may be null; tags are slugs of the bundled taxonomy. */
  public record Passage(
      int position, String heading, String text, List<String> causes, List<String> treatments) {}

  /** One synthetic article and its passages, numbered from 1 in corpus order. */
  public record Article(
      int number, String title, String publisher, String sourceName, List<Passage> passages) {}

  private final BundledLanguage language;
  private final int passages;
  private final long seed;

  SyntheticCorpus(BundledLanguage language, int passages, long seed) {
    if (passages < 1) {
      throw new IllegalArgumentException(
          "The number of passages must be at least 1, got " + passages);
    }
    this.language = language;
    this.passages = passages;
    this.seed = seed;
  }

  public static SyntheticCorpus of(int passages, long seed) {
    return new SyntheticCorpus(BundledLanguage.load(io.lumbar.web.Json.mapper()), passages, seed);
  }

  public int passages() {
    return passages;
  }

  public long seed() {
    return seed;
  }

  @Override
  public Iterator<Article> iterator() {
    return new Generator();
  }

  /** Walks the model with one {@link Random}; every draw happens in the same order on every run. */
  private final class Generator implements Iterator<Article> {
    private final Random random = new Random(seed);
    private int generated;
    private int articleNumber;

    @Override
    public boolean hasNext() {
      return generated < passages;
    }

    @Override
    public Article next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      articleNumber++;
      int size = Math.min(passages - generated, between(MIN_ARTICLE, MAX_ARTICLE));
      Source source = language.sources.get(random.nextInt(language.sources.size()));
      String title = source.title() + " (synthetic " + articleNumber + ")";
      List<Passage> list = new ArrayList<>(size);
      String heading = null;
      int sectionLeft = 0;
      for (int position = 0; position < size; position++) {
        if (sectionLeft == 0) {
          sectionLeft = between(MIN_SECTION, MAX_SECTION);
          heading =
              random.nextInt(5) == 0
                  ? null
                  : language.headings.get(random.nextInt(language.headings.size()));
        }
        sectionLeft--;
        TagSet tags = language.tagSets.get(random.nextInt(language.tagSets.size()));
        list.add(new Passage(position, heading, text(), tags.causes(), tags.treatments()));
      }
      generated += size;
      return new Article(
          articleNumber,
          title,
          source.publisher(),
          "synthetic/seed-" + seed + "/article-" + articleNumber + ".txt",
          List.copyOf(list));
    }

    /**
     * Sentences walked through the word pairs until the drawn length is reached at a sentence end.
     */
    private String text() {
      int target =
          MIN_WORDS
              + random.nextInt((MAX_WORDS - MIN_WORDS) / 2 + 1)
              + random.nextInt((MAX_WORDS - MIN_WORDS) / 2 + 1);
      StringBuilder text = new StringBuilder(target * 7);
      int words = 0;
      int token = sentenceStart();
      while (true) {
        if (words > 0) {
          text.append(' ');
        }
        text.append(language.tokens.get(token));
        words++;
        boolean sentenceEnds = language.endsSentence[token];
        int[] next = language.followers[token];
        if (words >= MAX_WORDS || (words >= target && (sentenceEnds || next.length == 0))) {
          if (!sentenceEnds) {
            text.append('.');
          }
          return text.toString();
        }
        if (sentenceEnds || next.length == 0) {
          if (!sentenceEnds) {
            text.append('.');
          }
          token = sentenceStart();
        } else {
          token = next[random.nextInt(next.length)];
        }
      }
    }

    private int sentenceStart() {
      return language.sentenceStarts[random.nextInt(language.sentenceStarts.length)];
    }

    private int between(int min, int max) {
      return min + random.nextInt(max - min + 1);
    }
  }
}

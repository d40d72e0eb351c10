package io.lumbar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.bench.SyntheticCorpus.Article;
import io.lumbar.bench.SyntheticCorpus.Passage;
import io.lumbar.web.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The synthetic corpus is reproducible and shaped like the bundled text it is learnt from. */
class SyntheticCorpusTest {
  static final BundledLanguage LANGUAGE = BundledLanguage.load(Json.mapper());

  @Test
  void the_same_seed_gives_the_same_corpus_byte_for_byte() throws Exception {
    String first = digest(new SyntheticCorpus(LANGUAGE, 1_500, 42));
    String again = digest(new SyntheticCorpus(BundledLanguage.load(Json.mapper()), 1_500, 42));
    String otherSeed = digest(new SyntheticCorpus(LANGUAGE, 1_500, 43));

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void it_has_exactly_the_passages_asked_for_in_a_few_articles_per_thousand() {
    List<Article> articles = articles(new SyntheticCorpus(LANGUAGE, 2_000, 7));

    assertThat(articles.stream().mapToInt(a -> a.passages().size()).sum()).isEqualTo(2_000);
    assertThat(articles)
        .hasSizeBetween(
            2_000 / SyntheticCorpus.MAX_ARTICLE, 2_000 / SyntheticCorpus.MIN_ARTICLE + 1);
    for (Article article : articles) {
      List<Integer> positions = article.passages().stream().map(Passage::position).toList();
      assertThat(positions)
          .isEqualTo(java.util.stream.IntStream.range(0, positions.size()).boxed().toList());
    }
  }

  @Test
  void passages_are_30_to_120_words_of_the_bundled_vocabulary_with_headings_and_curated_tags() {
    Set<String> bundledWords = new HashSet<>();
    LANGUAGE.tokens.forEach(token -> bundledWords.addAll(words(token)));
    Set<String> curatedTags = new HashSet<>();
    LANGUAGE.tagSets.forEach(
        set -> {
          curatedTags.addAll(set.causes());
          curatedTags.addAll(set.treatments());
        });

    List<Passage> passages = new ArrayList<>();
    articles(new SyntheticCorpus(LANGUAGE, 1_000, 1)).forEach(a -> passages.addAll(a.passages()));

    Set<String> used = new HashSet<>();
    for (Passage p : passages) {
      assertThat(p.text().split(" "))
          .hasSizeBetween(SyntheticCorpus.MIN_WORDS, SyntheticCorpus.MAX_WORDS);
      assertThat(p.text()).matches("(?s).*[.!?]").doesNotContain("  ");
      used.addAll(words(p.text()));
      assertThat(curatedTags).containsAll(p.causes()).containsAll(p.treatments());
    }
    assertThat(bundledWords).containsAll(used);
    // Real variety, not a handful of words repeated: most of the bundled vocabulary shows up in
    // 1,000 passages.
    assertThat(used.size()).isGreaterThan(bundledWords.size() / 2);
    double averageWords =
        passages.stream().mapToInt(p -> p.text().split(" ").length).average().orElseThrow();
    assertThat(averageWords).isBetween(60.0, 90.0);
    assertThat(passages).anyMatch(p -> p.heading() != null).anyMatch(p -> p.heading() == null);
    assertThat(passages)
        .anyMatch(p -> !p.causes().isEmpty())
        .anyMatch(p -> p.causes().isEmpty() && p.treatments().isEmpty());
  }

  private static List<Article> articles(SyntheticCorpus corpus) {
    List<Article> articles = new ArrayList<>();
    corpus.forEach(articles::add);
    return articles;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static String digest(SyntheticCorpus corpus) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (Article article : corpus) {
      sha.update(
          (article.number()
                  + "\t"
                  + article.title()
                  + "\t"
                  + article.publisher()
                  + "\t"
                  + article.sourceName()
                  + "\n")
              .getBytes(StandardCharsets.UTF_8));
      for (Passage p : article.passages()) {
        sha.update(
            (p.position()
                    + "\t"
                    + p.heading()
                    + "\t"
                    + p.text()
                    + "\t"
                    + p.causes()
                    + "\t"
                    + p.treatments()
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}

package io.lumbar.search;

import static io.lumbar.indexing.IndexFixture.passage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.TagMatcher.TagTerms;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The searches a server runs by itself before it takes requests. */
class SearchWarmupTest {
  private static final Vocabulary VOCABULARY =
      new Vocabulary(
          Analysis.withExtraSynonyms("ache => ache, pain"),
          List.of(
              new TagTerms(
                  "cause", "sciatica", "Sciatica", List.of("shooting leg pain", "pinched nerve")),
              new TagTerms("treatment", "ice", "Cold packs", List.of())));

  private PassageIndex index;

  @AfterEach
  void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  private SearchWarmup warmup() {
    return warmup(System::nanoTime);
  }

  private SearchWarmup warmup(LongSupplier nanoTime) {
    index =
        IndexFixture.of(
            VOCABULARY.analysis().indexAnalyzer(),
            List.of(
                passage(1, "Sciatica is a shooting leg pain."),
                passage(2, "Cold packs ease the ache at night.")));
    return new SearchWarmup(
        new SearchService(index, () -> VOCABULARY), () -> VOCABULARY, new ObjectMapper(), nanoTime);
  }

  @Test
  void what_people_searched_most_comes_first_then_each_tag_by_name_alias_typo_and_phrase() {
    List<String> queries =
        warmup()
            .queries(
                List.of(
                    "back pain at night",
                    "  ",
                    "x".repeat(SearchRequest.MAX_QUERY_LENGTH + 1),
                    "Sciatica"));

    assertThat(queries)
        .containsExactly(
            "back pain at night",
            "Sciatica",
            "sciatica at night",
            "Scitaica",
            "shooting leg pain",
            "\"shooting leg pain\"",
            "Cold packs",
            "cold packs at night",
            "Cold pcaks");
  }

  @Test
  void a_typo_swaps_two_letters_of_the_longest_word_and_leaves_short_words_alone() {
    assertThat(SearchWarmup.typo("Muscle strain")).isEqualTo("Mucsle strain");
    assertThat(SearchWarmup.typo("Ice")).isEqualTo("Ice");
  }

  @Test
  void searches_round_after_round_until_the_budget_is_spent() {
    // A clock that moves a millisecond each time it is read: the count does not depend on this
    // machine's speed.
    AtomicLong nanos = new AtomicLong();
    SearchWarmup.Outcome outcome =
        warmup(() -> nanos.getAndAdd(1_000_000)).run(List.of("ache"), Duration.ofMillis(30));

    assertThat(outcome.queries()).isEqualTo(9);
    assertThat(outcome.searches())
        .as("more than two rounds, fewer searches than milliseconds")
        .isBetween(2 * 9 + 1, 30);
    assertThat(outcome.millis()).isGreaterThanOrEqualTo(30);
    assertThat(outcome.failure()).isNull();
  }

  @Test
  void no_budget_no_searches() {
    assertThat(warmup().run(List.of("ache"), Duration.ZERO).searches()).isZero();
  }

  @Test
  void a_search_that_fails_ends_the_warmup_and_says_why() throws Exception {
    SearchWarmup warmup = warmup();
    index.close();
    index = null;

    SearchWarmup.Outcome outcome = warmup.run(List.of("ache"), Duration.ofSeconds(30));

    assertThat(outcome.searches()).isZero();
    assertThat(outcome.failure()).contains("closed");
  }
}

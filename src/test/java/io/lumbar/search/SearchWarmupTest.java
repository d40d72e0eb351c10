package io.lumbar.search;

import static io.lumbar.indexing.IndexFixture.passage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.App;
import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.TagMatcher.TagTerms;
import io.lumbar.testing.LogCapture;
import io.lumbar.testing.RunningApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The searches a server runs by itself before it takes requests. */
class SearchWarmupTest {
  private static final Vocabulary VOCABULARY = new Vocabulary(Analysis.withSynonyms("ache => ache, pain"),
      List.of(new TagTerms("cause", "sciatica", "Sciatica", List.of("shooting leg pain", "pinched nerve")),
          new TagTerms("treatment", "ice", "Cold packs", List.of())));
  private static final Pattern WARMUP_LINE = Pattern.compile("warmup searches=(\\d+) queries=(\\d+) ms=(\\d+)");

  private PassageIndex index;

  @AfterEach
  void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  private SearchWarmup warmup() {
    index = IndexFixture.of(VOCABULARY.analysis().indexAnalyzer(), List.of(
        passage(1, "Sciatica is a shooting leg pain."),
        passage(2, "Cold packs ease the ache at night.")));
    return new SearchWarmup(new SearchService(index, () -> VOCABULARY), () -> VOCABULARY, new ObjectMapper());
  }

  @Test
  void what_people_searched_most_comes_first_then_each_tag_by_name_alias_typo_and_phrase() {
    List<String> queries = warmup().queries(List.of("back pain at night", "  ", "x".repeat(SearchRequest.MAX_QUERY_LENGTH + 1), "Sciatica"));

    assertThat(queries).containsExactly(
        "back pain at night",
        "Sciatica", "sciatica at night", "Scitaica", "shooting leg pain", "\"shooting leg pain\"",
        "Cold packs", "cold packs at night", "Cold pcaks");
  }

  @Test
  void a_typo_swaps_two_letters_of_the_longest_word_and_leaves_short_words_alone() {
    assertThat(SearchWarmup.typo("Muscle strain")).isEqualTo("Mucsle strain");
    assertThat(SearchWarmup.typo("Ice")).isEqualTo("Ice");
  }

  @Test
  void searches_round_after_round_until_the_budget_is_spent() {
    SearchWarmup.Outcome outcome = warmup().run(List.of("ache"), Duration.ofMillis(300));

    assertThat(outcome.queries()).isEqualTo(9);
    assertThat(outcome.searches()).as("more than one round").isGreaterThan(outcome.queries());
    assertThat(outcome.millis()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void no_budget_no_searches() {
    assertThat(warmup().run(List.of("ache"), Duration.ZERO).searches()).isZero();
  }

  @Test
  void the_server_warms_up_before_serving_with_the_logged_queries_and_records_none_of_its_own() throws Exception {
    try (LogCapture log = new LogCapture(App.class); RunningApp app = RunningApp.start(Map.of("LUMBAR_WARMUP_SECONDS", "1"))) {
      Matcher first = warmupLine(log);
      assertThat(Long.parseLong(first.group(1))).as("searches").isPositive();
      assertThat(Long.parseLong(first.group(3))).as("ms").isGreaterThanOrEqualTo(1_000);
      assertThat(log.messages().indexOf(first.group())).as("warmed up before serving")
          .isLessThan(indexOfStartingWith(log.messages(), "Lumbar is serving"));
      assertThat(app.get("/api/search?q=pain+in+my+left+heel").status()).isEqualTo(200);

      app.restart();

      // The one search a person made is the only one in the log, and the second start warms up with it too.
      String logged = app.database().read(c -> {
        try (var rs = c.createStatement().executeQuery("SELECT GROUP_CONCAT(query) FROM search_log")) {
          rs.next();
          return rs.getString(1);
        }
      });
      assertThat(logged).isEqualTo("pain in my left heel");
      List<String> lines = log.messages().stream().filter(WARMUP_LINE.asPredicate()).toList();
      assertThat(lines).hasSize(2);
      Matcher second = WARMUP_LINE.matcher(lines.get(1));
      assertThat(second.find()).isTrue();
      assertThat(Integer.parseInt(second.group(2))).isEqualTo(Integer.parseInt(first.group(2)) + 1);
    }
  }

  private static Matcher warmupLine(LogCapture log) {
    String line = log.messages().stream().filter(WARMUP_LINE.asPredicate()).findFirst().orElseThrow();
    Matcher m = WARMUP_LINE.matcher(line);
    assertThat(m.find()).isTrue();
    return m;
  }

  private static int indexOfStartingWith(List<String> lines, String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    return -1;
  }
}

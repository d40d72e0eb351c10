package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Snippets of passages no query word matched in the body: the sentence sharing the most query
 * words, cheaply.
 */
class SnippetsTest {
  private static final Analysis ANALYSIS = Analysis.withExtraSynonyms("mattress, bed");
  private static final String TEXT =
      "Many people wake up stiff. Sleeping on a sagging mattress strains the lower back. "
          + "Replace a mattress every eight years, sooner when it sags.";

  private static String best(String query) {
    Set<String> terms = Snippets.queryTerms(query, ANALYSIS.synonymAnalyzer());
    return Snippets.bestSentence(TEXT, terms, ANALYSIS.stemmedAnalyzer(), 240);
  }

  @Test
  void the_sentence_sharing_the_most_query_stems_is_shown() {
    // "sagging" and "back" share the stems of "sags" and "back"; the third sentence shares only
    // "sag".
    assertThat(best("does a sagging bed hurt my back"))
        .isEqualTo("Sleeping on a sagging mattress strains the lower back.");
  }

  @Test
  void synonyms_count_and_the_earliest_of_equals_wins() {
    // "bed" is a synonym of "mattress", which the second and third sentences both hold.
    assertThat(best("new bed")).isEqualTo("Sleeping on a sagging mattress strains the lower back.");
  }

  @Test
  void without_a_shared_word_the_opening_is_shown() {
    assertThat(best("kidney stones")).isEqualTo(Snippets.leading(TEXT, 240));
    assertThat(Snippets.bestSentence(TEXT, Set.of(), ANALYSIS.stemmedAnalyzer(), 20))
        .isEqualTo("Many people wake up …");
  }

  @Test
  void a_long_sentence_is_cut_at_a_word_and_escaped() {
    String text =
        "Short one. Heat <and> rest help a strained muscle in the lower back recover over several days.";
    Set<String> terms = Snippets.queryTerms("strained muscle", ANALYSIS.synonymAnalyzer());

    assertThat(Snippets.bestSentence(text, terms, ANALYSIS.stemmedAnalyzer(), 30))
        .isEqualTo("Heat &lt;and&gt; rest help a …");
  }
}

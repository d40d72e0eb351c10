package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysis chain and the bundled synonyms, token by token. */
class AnalysisTest {
  private static final Analysis BUNDLED = Analysis.bundled();

  @Test
  void stems_folds_drops_possessives_and_keeps_meaningful_stop_words() {
    assertThat(SymptomQuery.tokens(BUNDLED.stemmedAnalyzer(), "Why does my doctor's naïve advice not help at night, only when I'm lying on my side?"))
        .containsExactly("doctor", "naiv", "advic", "not", "help", "night", "onli", "when", "i'm", "lie", "on", "side");
  }

  @Test
  void every_form_of_lie_and_lay_is_one_word() {
    assertThat(SymptomQuery.tokens(BUNDLED.stemmedAnalyzer(), "lie lies lying lay lays laying laid lain"))
        .containsOnly("lie");
  }

  @Test
  void the_exact_field_keeps_word_forms() {
    assertThat(SymptomQuery.tokens(BUNDLED.exactAnalyzer(), "Running RUNS the Café's"))
        .containsExactly("running", "runs", "cafe");
  }

  @ParameterizedTest
  @CsvSource({
      "it burns when I pee, urinari",
      "can I take advil, ibuprofen",
      "pain in my butt, buttock",
      "slipped disc, herniat",
      "tylenol, acetaminophen",
      "physio, physic",
      "chemo, chemotherapi",
      "QL, quadratu",
  })
  void bundled_synonyms_reach_the_clinical_words(String query, String expectedStem) {
    assertThat(SymptomQuery.tokens(BUNDLED.synonymAnalyzer(), query)).contains(expectedStem);
  }

  @Test
  void a_broken_rule_is_refused_with_a_reason() {
    assertThatThrownBy(() -> Analysis.checkSynonymRule("a => b => c")).hasMessageContaining("at most one");
    assertThatThrownBy(() -> Analysis.checkSynonymRule("lonely")).hasMessageContaining("at least two");
    assertThatThrownBy(() -> Analysis.withSynonyms("=> x, y, ")).isInstanceOf(IllegalArgumentException.class);
  }
}

package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumbar.indexing.PassageFields;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysis chain and the bundled synonyms, token by token. */
class AnalysisTest {
  private static final Analysis BUNDLED = Analysis.bundled();

  @Test
  void stems_folds_drops_possessives_and_keeps_meaningful_stop_words() {
    assertThat(
            SymptomQuery.tokens(
                BUNDLED.stemmedAnalyzer(),
                "Why does my doctor's naïve advice not help at night, only when I'm lying on my side?"))
        .containsExactly(
            "doctor", "naiv", "advic", "not", "help", "night", "onli", "when", "i'm", "lie", "on",
            "side");
  }

  @Test
  void every_form_of_lie_and_lay_is_one_word() {
    assertThat(
            SymptomQuery.tokens(
                BUNDLED.stemmedAnalyzer(), "lie lies lying lay lays laying laid lain"))
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
    assertThatThrownBy(() -> Analysis.checkSynonymRule("a => b => c"))
        .hasMessageContaining("at most one");
    assertThatThrownBy(() -> Analysis.checkSynonymRule("lonely"))
        .hasMessageContaining("at least two");
    assertThatThrownBy(() -> Analysis.withExtraSynonyms("=> x, y, "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_phrase_never_runs_from_one_heading_of_a_path_into_the_next() throws Exception {
    try (var dir = new ByteBuffersDirectory()) {
      try (var writer = new IndexWriter(dir, new IndexWriterConfig(BUNDLED.indexAnalyzer()))) {
        Document doc = new Document();
        doc.add(
            new Field(PassageFields.HEADING, "Living with sciatica", TextField.TYPE_NOT_STORED));
        doc.add(new Field(PassageFields.HEADING, "Treatment at home", TextField.TYPE_NOT_STORED));
        writer.addDocument(doc);
      }
      try (var reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertThat(searcher.count(new PhraseQuery(PassageFields.HEADING, "treatment", "home")))
            .isEqualTo(1);
        assertThat(searcher.count(new PhraseQuery(PassageFields.HEADING, "sciatica", "treatment")))
            .isZero();
      }
    }
  }
}

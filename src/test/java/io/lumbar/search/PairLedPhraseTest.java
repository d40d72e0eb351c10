package io.lumbar.search;

import static io.lumbar.indexing.IndexFixture.passage;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Phrases are found through the word-pair field and must match and score exactly as the plain phrase does. */
class PairLedPhraseTest {
  private static final Analysis ANALYSIS = Analysis.withSynonyms("lying on my back => lying on my back, back sleeper");
  private static final List<IndexedPassage> CORPUS = List.of(
      passage(1, "Lying on your back with a pillow under the knees helps."),
      passage(2, "My back aches when lying down on the sofa."),
      passage(3, "Back sleepers should try a firmer mattress; lying on the back suits them."),
      passage(4, "On the back of the leg, lying still, the pain fades."),
      passage(5, "A back sleeper rarely wakes with pain."));

  private PassageIndex index;

  @AfterEach
  void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  @Test
  void a_phrase_of_adjacent_words_is_led_by_its_pairs_and_keeps_the_phrase_for_scoring() {
    PhraseQuery phrase = new PhraseQuery(PassageFields.TEXT, "lie", "on", "back");

    Query led = SymptomQuery.ledByPairs(phrase);

    assertThat(led).isInstanceOf(BooleanQuery.class);
    List<BooleanClause> clauses = ((BooleanQuery) led).clauses();
    assertThat(clauses).containsExactly(
        new BooleanClause(phrase, Occur.MUST),
        new BooleanClause(new TermQuery(new Term(PassageFields.TEXT_PAIRS, "lie on")), Occur.FILTER),
        new BooleanClause(new TermQuery(new Term(PassageFields.TEXT_PAIRS, "on back")), Occur.FILTER));
  }

  @Test
  void sloppy_phrases_other_fields_single_words_and_gapped_positions_are_left_as_they_are() {
    PhraseQuery sloppy = new PhraseQuery(3, PassageFields.TEXT, "back", "pain");
    PhraseQuery heading = new PhraseQuery(PassageFields.HEADING, "back", "pain");
    PhraseQuery gapped = new PhraseQuery.Builder().add(new Term(PassageFields.TEXT, "back"), 0)
        .add(new Term(PassageFields.TEXT, "pain"), 2).build();
    TermQuery word = new TermQuery(new Term(PassageFields.TEXT, "back"));

    for (Query query : List.of(sloppy, heading, gapped, word)) {
      assertThat(SymptomQuery.ledByPairs(query)).isSameAs(query);
    }
  }

  @Test
  void pair_led_phrases_find_and_score_exactly_what_the_plain_phrases_do() throws Exception {
    index = IndexFixture.of(ANALYSIS.indexAnalyzer(), CORPUS);
    QueryBuilder words = new QueryBuilder(ANALYSIS.stemmedAnalyzer());
    IndexSearcher searcher = index.acquire();
    try {
      for (String text : List.of("lying on my back", "back sleeper", "on the back", "pillow under the knees", "back pain")) {
        Query phrase = words.createPhraseQuery(PassageFields.TEXT, text);
        ScoreDoc[] plain = searcher.search(phrase, 10).scoreDocs;
        ScoreDoc[] led = searcher.search(SymptomQuery.ledByPairs(phrase), 10).scoreDocs;

        assertThat(led).as(text).hasSameSizeAs(plain);
        for (int i = 0; i < plain.length; i++) {
          assertThat(led[i].doc).as(text).isEqualTo(plain[i].doc);
          assertThat(led[i].score).as(text).isEqualTo(plain[i].score);
        }
      }
      assertThat(searcher.search(SymptomQuery.ledByPairs(words.createPhraseQuery(PassageFields.TEXT, "lying on my back")), 10)
          .totalHits.value()).as("stop words between leave no gap; 'on the back of the leg, lying' is not the phrase").isEqualTo(2);
    } finally {
      index.release(searcher);
    }
  }

  @Test
  void passages_with_the_phrase_or_its_multi_word_synonym_rank_first_in_a_full_search() {
    index = IndexFixture.of(ANALYSIS.indexAnalyzer(), CORPUS);
    Vocabulary vocabulary = new Vocabulary(ANALYSIS, List.of());

    SearchResponse r = new SearchService(index, () -> vocabulary).search(SearchRequest.firstPage("lying on my back", 10));

    // The exact words ("back") still find the others, below.
    List<Long> ids = r.results().stream().map(SearchResponse.Hit::id).toList();
    assertThat(ids).hasSize(5);
    assertThat(ids.subList(0, 3)).containsExactlyInAnyOrder(1L, 3L, 5L);
  }
}

package io.lumbar.search;

import static io.lumbar.indexing.IndexFixture.passage;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Phrases answered from the word-pair field must match and score exactly as Lucene's phrase on the
 * text field.
 */
class PairPhraseQueryTest {
  private static final Analysis ANALYSIS =
      Analysis.withExtraSynonyms("lying on my back => lying on my back, back sleeper");
  private static final List<IndexedPassage> CORPUS =
      List.of(
          passage(1, "Lying on your back with a pillow under the knees helps."),
          passage(2, "My back aches when lying down on the sofa."),
          passage(3, "Back sleepers should try a firmer mattress; lying on the back suits them."),
          passage(4, "On the back of the leg, lying still, the pain fades."),
          passage(5, "A back sleeper rarely wakes with pain."),
          passage(6, "Back to back to back: back pain, back pain and more back pain."));
  private static final String[] WORDS = {
    "back", "pain", "lying", "on", "leg", "sleep", "nerve", "down", "the", "sciatic"
  };

  private PassageIndex index;

  @AfterEach
  void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  @Test
  void only_exact_phrases_of_adjacent_text_words_take_the_pair_form() {
    PhraseQuery phrase = new PhraseQuery(PassageFields.TEXT, "lie", "on", "back");
    PhraseQuery sloppy = new PhraseQuery(3, PassageFields.TEXT, "back", "pain");
    PhraseQuery heading = new PhraseQuery(PassageFields.HEADING, "back", "pain");
    PhraseQuery gapped =
        new PhraseQuery.Builder()
            .add(new Term(PassageFields.TEXT, "back"), 0)
            .add(new Term(PassageFields.TEXT, "pain"), 2)
            .build();
    TermQuery word = new TermQuery(new Term(PassageFields.TEXT, "back"));

    assertThat(PairPhraseQuery.of(phrase))
        .isInstanceOf(PairPhraseQuery.class)
        .isEqualTo(PairPhraseQuery.of(new PhraseQuery(PassageFields.TEXT, "lie", "on", "back")))
        .isNotEqualTo(PairPhraseQuery.of(new PhraseQuery(PassageFields.TEXT, "lie", "on")));
    for (Query query : List.of(sloppy, heading, gapped, word)) {
      assertThat(PairPhraseQuery.of(query)).isSameAs(query);
    }
  }

  @Test
  void pair_phrases_find_count_and_score_exactly_what_the_plain_phrases_do() throws Exception {
    index = IndexFixture.of(ANALYSIS.indexAnalyzer(), CORPUS);
    QueryBuilder words = new QueryBuilder(ANALYSIS.stemmedAnalyzer());
    IndexSearcher searcher = index.acquire();
    try {
      for (String text :
          List.of(
              "lying on my back",
              "back sleeper",
              "on the back",
              "pillow under the knees",
              "back pain",
              "back back",
              "back back back",
              "pain back",
              "helps",
              "knees helps",
              "sofa lying",
              "no such words here")) {
        assertSameAsPlain(searcher, words.createPhraseQuery(PassageFields.TEXT, text), text);
      }
      assertThat(
              searcher.count(
                  PairPhraseQuery.of(
                      words.createPhraseQuery(PassageFields.TEXT, "lying on my back"))))
          .as("stop words between leave no gap; 'on the back of the leg, lying' is not the phrase")
          .isEqualTo(2);
    } finally {
      index.release(searcher);
    }
  }

  @Test
  void pair_phrases_agree_with_plain_phrases_on_random_passages_ranked_top_k_or_all()
      throws Exception {
    Random random = new Random(7);
    List<IndexedPassage> corpus = new ArrayList<>();
    for (int id = 1; id <= 400; id++) {
      corpus.add(passage(id, randomText(random, 3 + random.nextInt(40))));
    }
    index = IndexFixture.of(ANALYSIS.indexAnalyzer(), corpus);
    QueryBuilder words = new QueryBuilder(ANALYSIS.stemmedAnalyzer());
    IndexSearcher searcher = index.acquire();
    try {
      Set<String> phrases = new LinkedHashSet<>();
      while (phrases.size() < 150) {
        phrases.add(randomText(random, 2 + random.nextInt(3)));
      }
      for (String text : phrases) {
        Query phrase = words.createPhraseQuery(PassageFields.TEXT, text);
        if (phrase instanceof PhraseQuery) {
          assertSameAsPlain(searcher, phrase, text);
          // Inside a disjunction, as the search runs them, with the top few only: skipping must not
          // change the top.
          Query plain =
              new BooleanQuery.Builder()
                  .add(new BoostQuery(phrase, 0.6f), Occur.SHOULD)
                  .add(new TermQuery(new Term(PassageFields.TEXT, "nerv")), Occur.SHOULD)
                  .build();
          Query paired =
              new BooleanQuery.Builder()
                  .add(new BoostQuery(PairPhraseQuery.of(phrase), 0.6f), Occur.SHOULD)
                  .add(new TermQuery(new Term(PassageFields.TEXT, "nerv")), Occur.SHOULD)
                  .build();
          assertSameTop(
              searcher.search(plain, 5).scoreDocs, searcher.search(paired, 5).scoreDocs, text);
        }
      }
    } finally {
      index.release(searcher);
    }
  }

  @Test
  void skipping_by_the_pairs_impacts_keeps_the_top_hits_of_the_plain_phrase_over_several_segments()
      throws Exception {
    // Large enough that Lucene starts skipping (after 1,000 hits), in several segments, with a few
    // long passages.
    Random random = new Random(11);
    index = IndexFixture.empty(ANALYSIS.indexAnalyzer());
    for (int id = 1; id <= 30_000; id++) {
      index.replace(
          passage(id, randomText(random, 2 + random.nextInt(random.nextInt(10) == 0 ? 300 : 20))));
      if (id % 7_000 == 0) {
        index.refresh();
      }
    }
    index.refresh();
    QueryBuilder words = new QueryBuilder(ANALYSIS.stemmedAnalyzer());
    IndexSearcher searcher = index.acquire();
    try {
      assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
      for (String text :
          List.of(
              "back pain",
              "lying back pain",
              "back back back",
              "pain lying back pain",
              "nerve sciatic")) {
        Query phrase = words.createPhraseQuery(PassageFields.TEXT, text);
        Query plain =
            new BooleanQuery.Builder()
                .add(new BoostQuery(phrase, 0.6f), Occur.SHOULD)
                .add(new TermQuery(new Term(PassageFields.TEXT, "leg")), Occur.SHOULD)
                .build();
        Query paired =
            new BooleanQuery.Builder()
                .add(new BoostQuery(PairPhraseQuery.of(phrase), 0.6f), Occur.SHOULD)
                .add(new TermQuery(new Term(PassageFields.TEXT, "leg")), Occur.SHOULD)
                .build();
        for (int k : new int[] {1, 10, 100}) {
          assertSameTop(
              searcher.search(phrase, k).scoreDocs,
              searcher.search(PairPhraseQuery.of(phrase), k).scoreDocs,
              text + " top " + k);
          assertSameTop(
              searcher.search(plain, k).scoreDocs,
              searcher.search(paired, k).scoreDocs,
              text + " or leg, top " + k);
        }
      }
    } finally {
      index.release(searcher);
    }
  }

  @Test
  void as_a_filter_or_an_exclusion_it_matches_and_explains_as_the_plain_phrase() throws Exception {
    index = IndexFixture.empty(ANALYSIS.indexAnalyzer());
    index.replace(passage(1, "lower back pain"));
    index.refresh();
    index.replace(passage(2, "pain in the lower back"));
    index.refresh();
    IndexSearcher live = index.acquire();
    try {
      IndexSearcher searcher = new IndexSearcher(live.getIndexReader());
      // Without the cache, which would otherwise answer the filter clause itself.
      searcher.setQueryCache(null);
      Query phrase = new PhraseQuery(PassageFields.TEXT, "back", "pain");
      Query back = new TermQuery(new Term(PassageFields.TEXT, "back"));
      for (Occur occur : List.of(Occur.FILTER, Occur.MUST_NOT)) {
        Query plain = new BooleanQuery.Builder().add(back, Occur.MUST).add(phrase, occur).build();
        Query paired =
            new BooleanQuery.Builder()
                .add(back, Occur.MUST)
                .add(PairPhraseQuery.of(phrase), occur)
                .build();
        assertThat(searcher.count(paired))
            .as(occur.name())
            .isEqualTo(searcher.count(plain))
            .isEqualTo(1);
        for (ScoreDoc hit :
            searcher.search(new TermQuery(new Term(PassageFields.TEXT, "pain")), 10).scoreDocs) {
          assertThat(searcher.explain(paired, hit.doc).isMatch())
              .as(occur + " doc " + hit.doc)
              .isEqualTo(searcher.explain(plain, hit.doc).isMatch());
        }
      }
    } finally {
      index.release(live);
    }
  }

  @Test
  void passages_with_the_phrase_or_its_multi_word_synonym_rank_first_in_a_full_search() {
    index = IndexFixture.of(ANALYSIS.indexAnalyzer(), CORPUS);
    Vocabulary vocabulary = new Vocabulary(ANALYSIS, List.of());

    SearchResponse r =
        new SearchService(index, () -> vocabulary)
            .search(SearchRequest.firstPage("lying on my back", 10));

    // The exact words ("back") still find the others, below.
    List<Long> ids = r.results().stream().map(SearchResponse.Hit::id).toList();
    assertThat(ids).hasSize(6);
    assertThat(ids.subList(0, 3)).containsExactlyInAnyOrder(1L, 3L, 5L);
  }

  @Test
  void a_quoted_phrase_is_still_marked_in_snippets() {
    index = IndexFixture.of(ANALYSIS.indexAnalyzer(), CORPUS);
    Vocabulary vocabulary = new Vocabulary(ANALYSIS, List.of());

    SearchResponse r =
        new SearchService(index, () -> vocabulary)
            .search(SearchRequest.firstPage("\"firmer mattress\"", 10));

    assertThat(r.results()).extracting(SearchResponse.Hit::id).containsExactly(3L);
    assertThat(r.results().getFirst().snippet()).contains("<mark>firmer mattress</mark>");
  }

  private static void assertSameAsPlain(IndexSearcher searcher, Query phrase, String text)
      throws Exception {
    Query paired = PairPhraseQuery.of(phrase);
    int all = Math.max(1, searcher.getIndexReader().maxDoc());
    ScoreDoc[] plain = searcher.search(phrase, all).scoreDocs;
    ScoreDoc[] pairs = searcher.search(paired, all).scoreDocs;
    assertThat(searcher.count(paired)).as(text).isEqualTo(searcher.count(phrase));
    assertSameTop(plain, pairs, text);
    for (ScoreDoc hit : pairs) {
      Explanation why = searcher.explain(paired, hit.doc);
      assertThat(why.isMatch()).as(text).isTrue();
      assertThat(why.getValue().floatValue()).as(text).isEqualTo(hit.score);
    }
    assertSameTop(
        searcher.search(phrase, 3).scoreDocs,
        searcher.search(paired, 3).scoreDocs,
        text + " (top 3)");
  }

  private static void assertSameTop(ScoreDoc[] plain, ScoreDoc[] pairs, String text) {
    assertThat(pairs).as(text).hasSameSizeAs(plain);
    for (int i = 0; i < plain.length; i++) {
      assertThat(pairs[i].doc).as(text).isEqualTo(plain[i].doc);
      assertThat(pairs[i].score).as(text).isEqualTo(plain[i].score);
    }
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      // Few distinct words, so pairs repeat and overlap within a passage.
      text.append(i == 0 ? "" : " ")
          .append(WORDS[random.nextInt(random.nextBoolean() ? 3 : WORDS.length)]);
    }
    return text.toString();
  }
}

package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.indexing.TagRef;
import io.lumbar.search.SearchResponse.Hit;
import io.lumbar.semantic.CachedQueryVectors;
import io.lumbar.semantic.TextEmbedder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hybrid search with the real model on a small fixture: meaning finds what words miss, filters and
 * phrases hold.
 */
class HybridSearchTest {
  private static final TagRef SLEEP = new TagRef(TagRef.CAUSE, "sleep-position", "Sleep position");
  private static final Vocabulary VOCABULARY = new Vocabulary(Analysis.bundled(), List.of());
  private static TextEmbedder model;
  private static PassageIndex index;

  @BeforeAll
  static void indexFixture() {
    model = TextEmbedder.load(Optional.empty());
    index =
        IndexFixture.of(
            VOCABULARY.analysis().indexAnalyzer(),
            List.of(
                embedded(
                    1,
                    "Lower back discomfort often gets worse at night while sleeping on a mattress that sags.",
                    List.of(SLEEP)),
                embedded(
                    2,
                    "Drinking enough water during the day keeps the kidneys working well.",
                    List.of()),
                embedded(
                    3,
                    "Stretch the hamstrings gently after a long walk to keep the hips supple.",
                    List.of()),
                embedded(
                    4, "Wash bed linen weekly in hot water to keep dust mites away.", List.of()),
                // Not embedded yet: still found by its words.
                IndexFixture.passage(
                    5, "A firm pillow between the knees keeps the pelvis level at night.")));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static IndexedPassage embedded(long id, String text, List<TagRef> causes) {
    IndexedPassage p = IndexFixture.passage(id, text, causes, List.of());
    return new IndexedPassage(
        p.id(),
        p.articleId(),
        p.articleTitle(),
        p.heading(),
        p.text(),
        p.position(),
        p.causes(),
        p.treatments(),
        p.sectionPath(),
        p.source(),
        model.passage(p.articleTitle(), p.sectionPath(), p.heading(), p.text()));
  }

  private static SearchService hybrid() {
    return SearchService.hybrid(
        index, () -> VOCABULARY, new CachedQueryVectors(model), FusionWeights.DEFAULT);
  }

  private static List<Long> ids(SearchResponse response) {
    return response.results().stream().map(Hit::id).toList();
  }

  @Test
  void a_query_sharing_no_word_with_the_passage_finds_it_by_meaning() {
    // Only "bed" is shared with any passage (number 4), and not with the passage the query means.
    SearchResponse response =
        hybrid().search(SearchRequest.firstPage("my spine aches when I lie in bed", 10), true);

    assertThat(ids(response)).contains(1L, 4L);
    Hit meant = response.results().stream().filter(h -> h.id() == 1).findFirst().orElseThrow();
    assertThat(meant.explain().side()).isEqualTo("meaning");
    assertThat(meant.explain().lexical()).isNull();
    assertThat(meant.explain().similarity()).isGreaterThan(0.6f);
    assertThat(meant.snippet()).startsWith("Lower back discomfort");
    assertThat(response.total()).isEqualTo(response.results().size());
    assertThat(
            ids(
                new SearchService(index, () -> VOCABULARY)
                    .search(SearchRequest.firstPage("my spine aches when I lie in bed", 10))))
        .containsExactly(4L);
  }

  @Test
  void filters_hold_on_the_meaning_side_too() {
    SearchRequest filtered =
        new SearchRequest(
            "my spine aches when I lie in bed",
            10,
            0,
            List.of("sleep-position"),
            List.of(),
            List.of());

    assertThat(ids(hybrid().search(filtered))).containsExactly(1L);
  }

  @Test
  void a_quoted_phrase_stays_exact() {
    SearchRequest phrase = SearchRequest.firstPage("\"bed linen\"", 10);

    assertThat(ids(hybrid().search(phrase))).containsExactly(4L);
    assertThat(hybrid().search(phrase, true).results().getFirst().explain().side())
        .isEqualTo("lexical");
  }

  @Test
  void a_passage_without_a_vector_is_still_found_by_its_words() {
    assertThat(ids(hybrid().search(SearchRequest.firstPage("pillow between the knees", 10))))
        .startsWith(5L);
  }

  @Test
  void facets_count_the_fused_hits() {
    SearchResponse response =
        hybrid().search(SearchRequest.firstPage("my spine aches when I lie in bed", 10));

    assertThat(response.facets().causes())
        .extracting(SearchResponse.FacetCount::slug)
        .containsExactly("sleep-position");
  }
}

package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.importing.ArticleSource;
import io.lumbar.importing.ArticleSplitter;
import io.lumbar.importing.BundledCorpus;
import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.web.Json;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plans and corrections kept per index view and vocabulary: a repeated search gets the answer a
 * first search gets, and a new index view plans afresh.
 */
class PlanningCacheTest {
  private static final Vocabulary VOCABULARY = Vocabulary.bundled();
  private static final List<String> QUERIES =
      List.of(
          "sciatica at night",
          "sciatca pain when lying down",
          "\"herniated disc\" exercises",
          "back pain",
          "why does my back hurt in bed",
          "matress too soft",
          "what helps a pulled muscle");
  private static PassageIndex index;

  @BeforeAll
  static void indexCorpus() throws IOException {
    ObjectMapper json = Json.mapper();
    index = IndexFixture.empty(VOCABULARY.analysis().indexAnalyzer());
    long id = 0;
    for (ArticleSource article : BundledCorpus.articles(json)) {
      for (ArticleSplitter.Block block : ArticleSplitter.split(article).blocks()) {
        if (block.isContent()) {
          id++;
          index.replace(
              IndexFixture.passage(
                  id, 1, "Article", block.heading(), block.text(), (int) id, List.of(), List.of()));
        }
      }
    }
    index.refresh();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void a_repeated_search_answers_exactly_as_a_first_search() {
    SearchService warm = new SearchService(index, () -> VOCABULARY);
    for (int round = 0; round < 3; round++) {
      for (String q : QUERIES) {
        SearchRequest request = SearchRequest.firstPage(q, 10);
        SearchResponse first = new SearchService(index, () -> VOCABULARY).search(request);
        SearchResponse repeated = warm.search(request);
        assertThat(repeated.results()).as(q).isEqualTo(first.results());
        assertThat(repeated.total()).as(q).isEqualTo(first.total());
        assertThat(repeated.facets()).as(q).isEqualTo(first.facets());
        assertThat(repeated.didYouMean()).as(q).isEqualTo(first.didYouMean());
        assertThat(repeated.warningSigns()).as(q).isEqualTo(first.warningSigns());
      }
    }
  }

  @Test
  void a_plan_is_kept_for_its_index_view_and_made_again_for_the_next() throws IOException {
    PlanningCache cache = new PlanningCache();
    SearchRequest request = SearchRequest.firstPage("sciatca pain when lying down", 10);
    IndexSearcher searcher = index.acquire();
    PlanningCache.View view;
    SymptomQuery.Plan plan;
    try {
      view = cache.of(searcher.getIndexReader(), VOCABULARY);
      SymptomQuery planner =
          new SymptomQuery(
              VOCABULARY, searcher.getIndexReader(), SearchFeatures.ALL, view.corrections());
      plan = view.plan(request, planner::plan);
      assertThat(view.plan(request, planner::plan)).isSameAs(plan);
      assertThat(cache.of(searcher.getIndexReader(), VOCABULARY)).isSameAs(view);
      assertThat(view.corrections()).containsEntry("sciatca", "sciatica");
      assertThat(plan.corrections()).containsEntry("sciatca", "sciatica");
    } finally {
      index.release(searcher);
    }
    index.replace(
        IndexFixture.passage(999, 1, "Article", null, "A new passage.", 999, List.of(), List.of()));
    index.refresh();
    IndexSearcher next = index.acquire();
    try {
      assertThat(cache.of(next.getIndexReader(), VOCABULARY)).isNotSameAs(view);
    } finally {
      index.release(next);
      index.delete(999);
      index.refresh();
    }
  }
}

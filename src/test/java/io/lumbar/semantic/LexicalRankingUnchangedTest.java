package io.lumbar.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.IndexFollower;
import io.lumbar.indexing.Indexing;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.Analysis;
import io.lumbar.search.FusionWeights;
import io.lumbar.search.LiveVocabulary;
import io.lumbar.search.SearchRequest;
import io.lumbar.search.SearchResponse.Hit;
import io.lumbar.search.SearchService;
import io.lumbar.testing.BundledCorpusWithVectors;
import io.lumbar.web.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With semantic search off, the lexical ranking is exactly what it was without this work: the same
 * judged queries give the same passages with the same scores from an index without vectors (as
 * before) and, through the lexical service the server uses with LUMBAR_SEMANTIC=off, from an index
 * whose documents carry vectors; quoted phrases through the hybrid service too.
 */
class LexicalRankingUnchangedTest {
  private static final ObjectMapper JSON = Json.mapper();
  private static BundledCorpusWithVectors corpus;
  private static LiveVocabulary vocabulary;
  private static PassageIndex withoutVectors;
  private static PassageIndex withVectors;
  private static TextEmbedder model;

  @BeforeAll
  static void bundledCorpusTwice() throws Exception {
    corpus = BundledCorpusWithVectors.create(JSON);
    vocabulary = corpus.vocabulary();
    model = corpus.model();
    withoutVectors = rebuilt(null);
    withVectors = rebuilt(model.name());
  }

  private static PassageIndex rebuilt(String vectorModel) throws Exception {
    PassageIndex index = IndexFixture.empty(Analysis.bundled().indexAnalyzer());
    try (IndexFollower follower = Indexing.follower(index, corpus.db().database(), vectorModel)) {
      follower.rebuild(n -> {});
    }
    return index;
  }

  @AfterAll
  static void close() throws Exception {
    withoutVectors.close();
    withVectors.close();
    corpus.close();
  }

  @Test
  void the_lexical_service_ranks_exactly_as_before_on_every_judged_query() throws Exception {
    List<String> queries = judgedQueries();
    assertThat(queries).hasSizeGreaterThan(50);
    SearchService before = new SearchService(withoutVectors, vocabulary);
    SearchService semanticOff = new SearchService(withVectors, vocabulary);
    for (String q : queries) {
      assertThat(ranking(semanticOff, q)).as(q).isEqualTo(ranking(before, q)).isNotEmpty();
    }
  }

  @Test
  void quoted_phrases_rank_exactly_as_before_with_semantic_on() {
    SearchService before = new SearchService(withoutVectors, vocabulary);
    SearchService hybrid =
        SearchService.hybrid(
            withVectors, vocabulary, new CachedQueryVectors(model), FusionWeights.DEFAULT);
    for (String q :
        List.of("\"quadratus lumborum\"", "\"sciatica\" at night", "\"lower back\" pain")) {
      assertThat(ranking(hybrid, q)).as(q).isEqualTo(ranking(before, q)).isNotEmpty();
    }
  }

  /** Ids with scores, and the total, of the first 20 hits. */
  private static List<String> ranking(SearchService search, String q) {
    var response = search.search(SearchRequest.firstPage(q, 20));
    List<String> ranking = new ArrayList<>();
    ranking.add("total " + response.total() + " " + response.totalRelation());
    for (Hit hit : response.results()) {
      ranking.add(hit.id() + " " + hit.score());
    }
    return ranking;
  }

  private static List<String> judgedQueries() throws Exception {
    List<String> queries = new ArrayList<>();
    for (String file : List.of("/eval/dev-queries.json", "/eval/lay-queries.json")) {
      try (var in = LexicalRankingUnchangedTest.class.getResourceAsStream(file)) {
        for (JsonNode q : JSON.readTree(in).get("queries")) {
          queries.add(q.get("q").asText());
        }
      }
    }
    return queries;
  }
}

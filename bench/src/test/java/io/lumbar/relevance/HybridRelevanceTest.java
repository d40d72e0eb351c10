package io.lumbar.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.indexing.IndexFollower;
import io.lumbar.indexing.Indexing;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.Analysis;
import io.lumbar.search.FusionWeights;
import io.lumbar.search.SearchService;
import io.lumbar.semantic.CachedQueryVectors;
import io.lumbar.testing.BundledCorpusWithVectors;
import io.lumbar.web.Json;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds hybrid ranking's figures on the bundled corpus from sliding: never below lexical-only on
 * the dev and lay sets, and not below floors a little under what BENCHMARKS.md records (dev 0.971,
 * lay 0.845), so a change to the fusion that loses relevance fails here, not only in a manual
 * {@code lumbar eval}.
 */
class HybridRelevanceTest {
  private static final ObjectMapper JSON = Json.mapper();
  private static BundledCorpusWithVectors corpus;
  private static PassageIndex index;
  @TempDir static Path indexDir;

  @BeforeAll
  static void bundledCorpusWithVectors() throws Exception {
    corpus = BundledCorpusWithVectors.create(JSON);
    index = PassageIndex.open(indexDir, Analysis.bundled().indexAnalyzer());
    try (IndexFollower follower =
        Indexing.follower(index, corpus.db().database(), corpus.model().name())) {
      follower.rebuild(n -> {});
    }
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
    corpus.close();
  }

  @Test
  void dev_set_hybrid_holds_its_figure_and_beats_lexical() throws Exception {
    assertHybrid("/eval/dev-queries.json", 0.95);
  }

  @Test
  void lay_set_hybrid_holds_its_figure_and_beats_lexical() throws Exception {
    assertHybrid("/eval/lay-queries.json", 0.84);
  }

  private static void assertHybrid(String resource, double floor) throws URISyntaxException {
    QuerySet set =
        QuerySet.read(Path.of(HybridRelevanceTest.class.getResource(resource).toURI()), JSON);
    double hybrid =
        Evaluation.run(
                new LumbarRanker(
                    "lumbar",
                    SearchService.hybrid(
                        index,
                        corpus.vocabulary(),
                        new CachedQueryVectors(corpus.model()),
                        FusionWeights.DEFAULT)),
                set)
            .ndcg();
    double lexical =
        Evaluation.run(
                new LumbarRanker("lumbar-lexical", new SearchService(index, corpus.vocabulary())),
                set)
            .ndcg();

    assertThat(hybrid)
        .as("hybrid nDCG@10 on " + resource)
        .isGreaterThanOrEqualTo(floor)
        .isGreaterThanOrEqualTo(lexical);
  }
}

package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.search.HybridFusion.Fused;
import io.lumbar.search.HybridFusion.Side;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** The fusion on hand-made candidate lists, with exact expectations. */
class HybridFusionTest {
  /** Floor 0.6, span 0.2, meaning weighs 0.5 whether or not the sides agree. */
  private static final FusionWeights WEIGHTS = new FusionWeights(0.6f, 0.2f, 0.5f, 0.5f, -1f, -1f);

  /** Lucene's dot-product score of a cosine similarity. */
  private static ScoreDoc near(int doc, float cos) {
    return new ScoreDoc(doc, (1 + cos) / 2);
  }

  @Test
  void lexical_scores_count_relative_to_the_top_one_and_meaning_adds_to_them() {
    List<Fused> fused =
        HybridFusion.fuse(
            new ScoreDoc[] {new ScoreDoc(1, 10f), new ScoreDoc(2, 5f)},
            new float[] {0.7f, 0.8f},
            new ScoreDoc[] {near(2, 0.8f), near(1, 0.7f)},
            WEIGHTS);

    // Best similarity 0.8, floor max(0.6, 0.8 - 0.2) = 0.6: doc 2 gets the whole weight, doc 1 half
    // of it.
    assertThat(fused).extracting(Fused::doc).containsExactly(1, 2);
    assertThat(fused.get(0).score())
        .isCloseTo(1f + 0.25f, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(fused.get(1).score())
        .isCloseTo(0.5f + 0.5f, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(fused).extracting(Fused::side).containsOnly(Side.BOTH);
  }

  @Test
  void a_passage_found_by_meaning_alone_joins_below_a_strong_word_match_and_above_weak_ones() {
    List<Fused> fused =
        HybridFusion.fuse(
            new ScoreDoc[] {new ScoreDoc(1, 8f), new ScoreDoc(2, 2f)},
            new float[] {0.62f, Float.NaN},
            new ScoreDoc[] {near(3, 0.85f)},
            WEIGHTS);

    assertThat(fused).extracting(Fused::doc).containsExactly(1, 3, 2);
    assertThat(fused.get(1).side()).isEqualTo(Side.MEANING);
    assertThat(fused.get(1).lexical()).isNaN();
  }

  @Test
  void similarities_at_or_below_the_floor_add_nothing_and_bring_no_passage() {
    List<Fused> fused =
        HybridFusion.fuse(
            new ScoreDoc[] {new ScoreDoc(1, 3f)},
            new float[] {0.55f},
            new ScoreDoc[] {near(1, 0.55f), near(2, 0.5f)},
            WEIGHTS);

    assertThat(fused).extracting(Fused::doc).containsExactly(1);
    assertThat(fused.getFirst().score()).isEqualTo(1f);
  }

  @Test
  void meaning_weighs_more_when_the_best_word_matches_are_far_from_what_the_query_means() {
    FusionWeights agreement = new FusionWeights(0.6f, 0.2f, 0.2f, 1.2f, 0.02f, 0.10f);
    ScoreDoc[] words = {new ScoreDoc(1, 8f), new ScoreDoc(2, 4f)};

    // The best word match is as close as the nearest passage: meaning only breaks ties (weight
    // 0.2), and a passage
    // found by meaning alone comes after every word match, however close.
    List<Fused> agree =
        HybridFusion.fuse(
            words,
            new float[] {0.85f, 0.65f},
            new ScoreDoc[] {near(1, 0.85f), near(3, 0.84f)},
            agreement);
    assertThat(agree).extracting(Fused::doc).containsExactly(1, 2, 3);
    assertThat(agree.get(2).score()).isZero();
    // The nearest passage is 0.2 closer than any word match: the words missed (weight 1.2), it
    // comes first.
    List<Fused> disagree =
        HybridFusion.fuse(
            words, new float[] {0.65f, 0.64f}, new ScoreDoc[] {near(3, 0.85f)}, agreement);
    assertThat(disagree).extracting(Fused::doc).containsExactly(3, 1, 2);
  }

  @Test
  void word_matches_not_embedded_yet_are_trusted() {
    FusionWeights agreement = new FusionWeights(0.6f, 0.2f, 0.2f, 1.2f, 0.02f, 0.10f);
    List<Fused> fused =
        HybridFusion.fuse(
            new ScoreDoc[] {new ScoreDoc(1, 8f), new ScoreDoc(2, 4f)},
            new float[] {Float.NaN, Float.NaN},
            new ScoreDoc[] {near(3, 0.9f)},
            agreement);

    assertThat(fused).extracting(Fused::doc).containsExactly(1, 2, 3);
  }

  @Test
  void without_words_matched_the_nearest_passages_rank_by_similarity() {
    List<Fused> fused =
        HybridFusion.fuse(
            new ScoreDoc[0],
            new float[0],
            new ScoreDoc[] {near(4, 0.9f), near(5, 0.8f), near(6, 0.65f)},
            WEIGHTS);

    // Floor 0.7 (best − span): the third is too far below the best to count.
    assertThat(fused).extracting(Fused::doc).containsExactly(4, 5);
  }

  @Test
  void when_the_sides_agree_the_best_word_match_stays_first() {
    FusionWeights agreement = new FusionWeights(0.6f, 0.2f, 0.2f, 1.2f, 0.02f, 0.10f);
    ScoreDoc[] words = {new ScoreDoc(1, 10f), new ScoreDoc(2, 9.5f)};

    // Floor 0.62: doc 1 would score 1 + 0.2 × 0.4 = 1.08, doc 2 0.95 + 0.2 × 1 = 1.15. The second
    // word match is the
    // nearest passage, so the sides agree: doc 1 keeps the top, lifted to the best fused score.
    List<Fused> agree =
        HybridFusion.fuse(
            words,
            new float[] {0.70f, 0.82f},
            new ScoreDoc[] {near(2, 0.82f), near(1, 0.70f)},
            agreement);
    assertThat(agree).extracting(Fused::doc).containsExactly(1, 2);
    assertThat(agree.get(0).score()).isCloseTo(1.15f, org.assertj.core.data.Offset.offset(1e-5f));
    // Another passage is clearly closer in meaning (0.95): the words may have missed, meaning
    // (weight 1.2, floor 0.75)
    // reorders them: doc 2 0.95 + 1.2 × 0.35, doc 3 1.2, doc 1 1.
    List<Fused> disagree =
        HybridFusion.fuse(
            words, new float[] {0.70f, 0.82f}, new ScoreDoc[] {near(3, 0.95f)}, agreement);
    assertThat(disagree).extracting(Fused::doc).containsExactly(2, 3, 1);
  }
}

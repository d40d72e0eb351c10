package io.lumbar.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lumbar.relevance.Judge.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring rules of shared/eval/score.py, checked on hand-computed cases. */
class JudgeTest {
  @Test
  void a_needle_in_the_first_result_scores_one() {
    Score s = Judge.score(List.of("The Sciatic nerve hurts", "other"), List.of("sciatic nerve"));
    assertThat(s.ndcg()).isEqualTo(1.0);
    assertThat(s.reciprocalRank()).isEqualTo(1.0);
  }

  @Test
  void folds_case_whitespace_typographic_quotes_and_dashes() {
    Score s =
        Judge.score(
            List.of("It\u2019s  a \u201cdisc\u201d \u2014 really\u00a0bad"),
            List.of("it's a \"disc\" - really bad"));
    assertThat(s.reciprocalRank()).isEqualTo(1.0);
  }

  @Test
  void a_needle_counts_once_and_later_ranks_discount_the_gain() {
    // Ranks 2 and 3 each bring a new needle; rank 4 repeats one. Ideal: two needles at ranks 1 and
    // 2.
    Score s =
        Judge.score(
            List.of("nothing", "needle a", "needle b", "needle a again"),
            List.of("needle a", "needle b"));
    double dcg = 1 / log2(3) + 1 / log2(4);
    double ideal = 1 + 1 / log2(3);
    assertThat(s.ndcg()).isCloseTo(dcg / ideal, within(1e-12));
    assertThat(s.reciprocalRank()).isEqualTo(0.5);
  }

  @Test
  void passages_over_1500_characters_and_results_after_the_tenth_do_not_count() {
    String longText = "needle " + "x".repeat(1500);
    List<String> eleven = new java.util.ArrayList<>(java.util.Collections.nCopies(10, "nothing"));
    eleven.add("needle");
    assertThat(Judge.score(List.of(longText), List.of("needle")).ndcg()).isZero();
    assertThat(Judge.score(eleven, List.of("needle")).reciprocalRank()).isZero();
  }

  @Test
  void length_is_counted_in_code_points_like_python() {
    // 1,500 emoji are 3,000 UTF-16 chars but 1,500 code points: still judged.
    String text = "needle" + "\uD83D\uDE00".repeat(1494);
    assertThat(Judge.score(List.of(text), List.of("needle")).ndcg()).isEqualTo(1.0);
  }

  @Test
  void figures_round_like_python() {
    // 0.7725 is stored as 0.77249999...: Python prints 0.772, String.format would print 0.773.
    assertThat(Evaluation.fixed(0.7725, 3)).isEqualTo("0.772");
    assertThat(Evaluation.fixed(1.0, 2)).isEqualTo("1.00");
    assertThat(Evaluation.fixed(0.0, 2)).isEqualTo("0.00");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}

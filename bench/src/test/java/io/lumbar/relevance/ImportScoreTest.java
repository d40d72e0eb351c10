package io.lumbar.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.relevance.ImportLabels.Label;
import io.lumbar.relevance.ImportScore.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportScoreTest {
  @Test
  void countsABlockPublishedWhenHalfItsTextIsPublished() {
    List<Label> labels =
        List.of(
            new Label("boilerplate", null, "Skip to content"),
            new Label("heading", 2, "Causes"),
            new Label("content", null, "Discs wear out. Muscles tighten at night."),
            new Label("content", null, "Rest helps. Walking helps more. Heat helps too."),
            new Label("boilerplate", null, "Sign up for our newsletter"));
    List<Passage> passages =
        List.of(
            new Passage(false, "Skip to content", List.of()),
            new Passage(true, "Discs wear out. Muscles tighten at night.", List.of("Causes")),
            new Passage(true, "Rest helps.", List.of()),
            new Passage(true, "Sign up for our newsletter!", List.of()));
    ImportScore score = ImportScore.of(labels, passages);
    assertThat(score).isEqualTo(new ImportScore(1, 1, 1, 1, 1, 1));
    assertThat(score.precision()).isEqualTo(0.5);
    assertThat(score.recall()).isEqualTo(0.5);
    assertThat(score.f1()).isEqualTo(0.5);
    assertThat(score.headedShare()).isEqualTo(1.0);
  }

  @Test
  void aShortPieceCountsOnlyWhereItStandsAlone() {
    List<Label> labels =
        List.of(
            new Label("boilerplate", null, "1. SLEEP"),
            new Label("content", null, "Walking"),
            new Label("content", null, "Swimming"));
    List<Passage> passages =
        List.of(
            new Passage(true, "Poor sleep makes the pain worse.", List.of()),
            new Passage(true, "Good exercises:\n• Walking\n• Cycling", List.of()),
            new Passage(false, "Swimming", List.of()),
            new Passage(true, "Swimming pools are warm.", List.of()));
    assertThat(ImportScore.of(labels, passages)).isEqualTo(new ImportScore(1, 1, 0, 1, 0, 0));
  }

  @Test
  void anArticleWithoutLabelledBoilerplatePrintsADashAndAddsNothingToTheShare() {
    ImportScore none =
        ImportScore.of(
            List.of(new Label("content", null, "Rest a day, then walk.")),
            List.of(new Passage(true, "Rest a day, then walk.", List.of())));
    assertThat(none.boilerplatePublishedShare()).isZero();
    ImportScore some =
        ImportScore.of(
            List.of(new Label("boilerplate", null, "Sign up for our newsletter today")),
            List.of(new Passage(true, "Sign up for our newsletter today", List.of())));
    assertThat(none.plus(some).boilerplatePublishedShare()).isEqualTo(1.0);
    java.io.StringWriter out = new java.io.StringWriter();
    ImportEvaluation.print(
        new java.io.PrintWriter(out),
        List.of(
            new ImportEvaluation.Row("a.txt", "tune", none, null),
            new ImportEvaluation.Row("b.txt", "tune", some, null)));
    assertThat(out.toString().lines().filter(l -> l.startsWith("a.txt")).findFirst().orElseThrow())
        .endsWith("100.0% 100.0% 100.0%       -    0.0%       -");
    assertThat(
            out.toString()
                .lines()
                .filter(l -> l.startsWith("TOTAL tune"))
                .findFirst()
                .orElseThrow())
        .contains("  1    1 ");
  }

  @Test
  void mistakesNameTheReasonOfThePassageHoldingTheBlock() {
    List<Label> labels =
        List.of(
            new Label("content", null, "Rest a day, then walk a little more each day."),
            new Label("content", null, "Heat relaxes the muscles."),
            new Label("boilerplate", null, "Sign up for our newsletter today"),
            new Label("boilerplate", null, "Skip to content"));
    List<Passage> passages =
        List.of(
            new Passage(
                false,
                "Rest a day, then walk a little more each day.",
                List.of(),
                "call to action"),
            new Passage(true, "Sign up for our newsletter today", List.of(), null),
            new Passage(false, "Skip to content", List.of(), "navigation"));
    assertThat(ImportScore.mistakes(labels, passages))
        .containsExactly(
            new ImportScore.Mistake(
                "content", "Rest a day, then walk a little more each day.", "call to action"),
            new ImportScore.Mistake("content", "Heat relaxes the muscles.", "not stored"),
            new ImportScore.Mistake(
                "boilerplate", "Sign up for our newsletter today", "published"));
  }
}

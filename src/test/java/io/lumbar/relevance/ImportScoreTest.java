package io.lumbar.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.relevance.ImportLabels.Label;
import io.lumbar.relevance.ImportScore.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportScoreTest {
  @Test
  void countsABlockPublishedWhenHalfItsTextIsPublished() {
    List<Label> labels = List.of(
        new Label("boilerplate", null, "Skip to content"),
        new Label("heading", 2, "Causes"),
        new Label("content", null, "Discs wear out. Muscles tighten at night."),
        new Label("content", null, "Rest helps. Walking helps more. Heat helps too."),
        new Label("boilerplate", null, "Sign up for our newsletter"));
    List<Passage> passages = List.of(
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
}

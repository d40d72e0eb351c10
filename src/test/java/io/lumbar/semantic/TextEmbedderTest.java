package io.lumbar.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled model, for real: unit vectors of 384 dimensions, closer for sentences that mean the
 * same.
 */
class TextEmbedderTest {
  static final TextEmbedder MODEL = TextEmbedder.load(Optional.empty());

  @Test
  void embeds_into_unit_vectors_of_384_dimensions() {
    float[] v =
        MODEL.passage(
            "Sleep and back pain",
            List.of(),
            "Sleeping positions",
            "Lying on your side with a pillow between the knees eases the lower back.");
    assertThat(v).hasSize(384);
    assertThat(dot(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(MODEL.name()).isEqualTo("bge-small-en-v1.5-q/context");
  }

  @Test
  void sentences_that_mean_the_same_are_closer_than_unrelated_ones() {
    float[] query = MODEL.query("my spine aches when I lie in bed");
    float[] same =
        MODEL.passage(
            null,
            List.of(),
            null,
            "Lower back discomfort often gets worse at night while sleeping on a sagging mattress.");
    float[] unrelated =
        MODEL.passage(
            null,
            List.of(),
            null,
            "Drinking enough water during the day keeps the kidneys working well.");
    assertThat(dot(query, same)).isGreaterThan(dot(query, unrelated) + 0.1);
  }

  @Test
  void the_title_and_heading_path_are_embedded_on_the_line_above_the_text() {
    assertThat(
            TextEmbedder.passageText("Back pain", List.of("Causes", "Muscles"), "Strains", "Text."))
        .isEqualTo("Back pain > Causes > Muscles > Strains\nText.");
    assertThat(TextEmbedder.passageText(null, List.of(), "Heading", "Text."))
        .isEqualTo("Heading\nText.");
    assertThat(TextEmbedder.passageText("  ", List.of(), "", "Text.")).isEqualTo("Text.");
    assertThat(TextEmbedder.passageText("Sciatica", List.of("sciatica", " "), "Symptoms", "Text."))
        .as("a part repeating the one before it, or blank, is left out")
        .isEqualTo("Sciatica > Symptoms\nText.");
  }

  @Test
  void a_folder_without_a_model_is_a_clear_failure(@TempDir Path empty) {
    assertThatThrownBy(() -> TextEmbedder.load(Optional.of(empty)))
        .isInstanceOf(TextEmbedder.ModelUnavailableException.class)
        .hasMessageStartingWith("Cannot load the embedding model " + empty);
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}

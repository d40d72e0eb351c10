package io.lumbar.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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

  @Test
  void a_folder_model_is_run_as_its_model_properties_say(@TempDir Path root) throws IOException {
    Path asBundled = bundledModelFiles(root.resolve("as-bundled"));
    Files.writeString(
        asBundled.resolve(TextEmbedder.FOLDER_SETTINGS),
        "pooling = cls\nquery.prefix = " + TextEmbedder.QUERY_INSTRUCTION.strip() + "\\u0020\n");
    TextEmbedder same = TextEmbedder.load(Optional.of(asBundled));
    assertThat(same.query("stiff back in the morning"))
        .as("CLS pooling and bge's query instruction: the bundled model's vectors")
        .containsExactly(MODEL.query("stiff back in the morning"));
    assertThat(same.name())
        .as("a query prefix changes no stored vector, so not the name either")
        .isEqualTo("onnx:as-bundled/context");

    Path mean = bundledModelFiles(root.resolve("mean"));
    Files.writeString(
        mean.resolve(TextEmbedder.FOLDER_SETTINGS), "pooling=mean\nquery.prefix=query:\\u0020\n");
    TextEmbedder averaged = TextEmbedder.load(Optional.of(mean));
    float[] passage = averaged.passage(null, List.of(), null, "Walking eases a stiff back.");
    assertThat(dot(passage, passage)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(dot(passage, MODEL.passage(null, List.of(), null, "Walking eases a stiff back.")))
        .as("mean pooling is another vector")
        .isLessThan(0.99);
    assertThat(averaged.query("stiff back"))
        .as("the query prefix goes before the query")
        .containsExactly(averaged.passage(null, List.of(), null, "query: stiff back"));
    assertThat(averaged.name()).isEqualTo("onnx:mean+mean/context");

    Path prefixed = bundledModelFiles(root.resolve("prefixed"));
    Files.writeString(
        prefixed.resolve(TextEmbedder.FOLDER_SETTINGS),
        "pooling=mean\npassage.prefix=passage:\\u0020\n");
    TextEmbedder withPrefix = TextEmbedder.load(Optional.of(prefixed));
    assertThat(withPrefix.passage("Walking", List.of(), null, "It eases a stiff back."))
        .as("the passage prefix goes before the passage and its context")
        .containsExactly(
            averaged.passage(null, List.of(), null, "passage: Walking\nIt eases a stiff back."));
    assertThat(withPrefix.name())
        .as("vectors of a passage prefixed otherwise are stored under another name")
        .matches("onnx:prefixed\\+mean\\+passage-[0-9a-f]{8}/context")
        .isEqualTo(TextEmbedder.modelName(Optional.of(prefixed)));
  }

  @Test
  void model_properties_default_to_cls_pooling_without_prefixes(@TempDir Path dir)
      throws IOException {
    assertThat(TextEmbedder.ModelSettings.read(dir)).isEqualTo(TextEmbedder.ModelSettings.NONE);
    assertThat(TextEmbedder.modelName(Optional.of(dir)))
        .isEqualTo("onnx:" + dir.getFileName() + "/context");
    Files.writeString(dir.resolve(TextEmbedder.FOLDER_SETTINGS), "passage.prefix=doc:\\u0020\n");
    assertThat(TextEmbedder.ModelSettings.read(dir))
        .isEqualTo(new TextEmbedder.ModelSettings(PoolingMode.CLS, "", "doc: "));
  }

  @Test
  void unreadable_model_properties_stop_the_model_from_loading(@TempDir Path dir)
      throws IOException {
    bundledModelFiles(dir);
    Files.writeString(dir.resolve(TextEmbedder.FOLDER_SETTINGS), "pooling=max\n");
    assertThatThrownBy(() -> TextEmbedder.load(Optional.of(dir)))
        .isInstanceOf(TextEmbedder.ModelUnavailableException.class)
        .hasMessageContaining("pooling is cls or mean, got 'max'");
    Files.writeString(dir.resolve(TextEmbedder.FOLDER_SETTINGS), "query.prefx=q\n");
    assertThatThrownBy(() -> TextEmbedder.load(Optional.of(dir)))
        .isInstanceOf(TextEmbedder.ModelUnavailableException.class)
        .hasMessageContaining("unknown key 'query.prefx'");
    assertThat(TextEmbedder.modelName(Optional.of(dir)))
        .as("named by its folder alone: it never stores a vector")
        .isEqualTo("onnx:" + dir.getFileName() + "/context");
  }

  /** The bundled model's files, as a folder model. */
  private static Path bundledModelFiles(Path dir) throws IOException {
    Files.createDirectories(dir);
    copyResource("bge-small-en-v1.5-q.onnx", dir.resolve("model.onnx"));
    copyResource("bge-small-en-v1.5-q-tokenizer.json", dir.resolve("tokenizer.json"));
    return dir;
  }

  private static void copyResource(String name, Path to) throws IOException {
    try (InputStream in = TextEmbedderTest.class.getClassLoader().getResourceAsStream(name)) {
      Files.copy(in, to);
    }
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}

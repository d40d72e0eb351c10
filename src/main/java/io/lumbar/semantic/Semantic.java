package io.lumbar.semantic;

import io.lumbar.db.Database;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.NearestPassages;
import io.lumbar.search.QueryVectors;
import io.lumbar.telemetry.Logfmt;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Semantic search as configured ({@code LUMBAR_SEMANTIC}, {@code LUMBAR_SEMANTIC_MODEL}): which
 * model's vectors the index carries, the loaded model with its query-vector cache, and the
 * embedding worker. When the model cannot load, search stays lexical, {@code /health} says so, and
 * one warning is logged.
 */
public final class Semantic implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Semantic.class);

  /** What /health reports. */
  public enum State {
    ON("on"),
    OFF("off"),
    UNAVAILABLE("unavailable");

    private final String json;

    State(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  private final boolean enabled;
  private final Optional<Path> modelFolder;
  private volatile TextEmbedder embedder;
  private volatile String failure;
  private EmbeddingWorker worker;

  private Semantic(boolean enabled, Optional<Path> modelFolder) {
    this.enabled = enabled;
    this.modelFolder = modelFolder;
  }

  /** As configured; nothing is loaded yet. */
  public static Semantic configured(boolean enabled, Optional<Path> modelFolder) {
    return new Semantic(enabled, modelFolder);
  }

  /**
   * The model whose stored vectors index documents carry, known without loading it (a rebuild reads
   * vectors, it never computes them); null when semantic search is off.
   */
  public String vectorModel() {
    return enabled ? TextEmbedder.modelName(modelFolder) : null;
  }

  /** Loads the model (about 2 s); on failure logs one warning and leaves search lexical. */
  public Semantic load() {
    if (enabled && embedder == null && failure == null) {
      try {
        embedder = TextEmbedder.load(modelFolder);
      } catch (TextEmbedder.ModelUnavailableException e) {
        failure = e.getMessage();
        log.warn(
            Logfmt.line(
                "semantic", "state", "unavailable", "search", "lexical", "reason", e.getMessage()));
      }
    }
    return this;
  }

  public State state() {
    return !enabled ? State.OFF : embedder != null ? State.ON : State.UNAVAILABLE;
  }

  /** Why the model did not load; empty when it did or was not asked to. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Query vectors when the model is loaded. */
  public Optional<QueryVectors> queryVectors() {
    return embedder == null ? Optional.empty() : Optional.of(new CachedQueryVectors(embedder));
  }

  public Optional<TextEmbedder> embedder() {
    return Optional.ofNullable(embedder);
  }

  /**
   * Tagged neighbours by meaning when the model is loaded (passages without a vector yet ask {@code
   * byWords}), otherwise {@code byWords} alone.
   */
  public NearestPassages neighbours(Database db, PassageIndex index, NearestPassages byWords) {
    return embedder == null
        ? byWords
        : new VectorNeighbours(index, new PassageVectors(db, embedder.name()), byWords);
  }

  /**
   * Starts the embedding worker when the model is loaded; it polls every {@code intervalMillis}.
   */
  public synchronized Optional<EmbeddingWorker> startWorker(Database db, long intervalMillis) {
    if (embedder == null || worker != null) {
      return Optional.ofNullable(worker);
    }
    worker = new EmbeddingWorker(embedder, new PassageVectors(db, embedder.name()));
    worker.start(intervalMillis);
    return Optional.of(worker);
  }

  /**
   * Embeds, now and on the caller's thread, every passage whose vector is missing or stale: for
   * commands that end before a server's worker would get to them (import), so a server started next
   * finds every vector stored. Empty when the model is not loaded.
   */
  public OptionalInt embedMissing(Database db) {
    if (embedder == null) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(
        new EmbeddingWorker(embedder, new PassageVectors(db, embedder.name())).drain());
  }

  @Override
  public synchronized void close() {
    if (worker != null) {
      worker.close();
      worker = null;
    }
  }
}

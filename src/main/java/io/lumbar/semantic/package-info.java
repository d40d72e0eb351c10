/**
 * Meaning: sentence embeddings computed in process ({@code TextEmbedder}: bge-small-en-v1.5 on ONNX
 * Runtime), the background worker that embeds passages and stores their vectors ({@code
 * EmbeddingWorker}, {@code PassageVectors}), cached query vectors ({@code CachedQueryVectors}) and
 * nearest passages by vector ({@code VectorNeighbours}). {@link io.lumbar.semantic.Semantic} is the
 * switch: on, off, or unavailable when the model cannot load.
 *
 * <p>May depend on {@code search/} (the interfaces it implements), {@code indexing/}, {@code
 * telemetry/}, {@code db/}.
 */
package io.lumbar.semantic;

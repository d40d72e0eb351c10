package io.lumbar.semantic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lumbar.search.QueryVectors;
import java.util.Locale;

/**
 * Query vectors, computed once per distinct query (~3 ms each on one core) and kept in a bounded
 * cache: people repeat searches, and a page of results, its next page and its filters ask for the
 * same vector. Keys are the query lower-cased with runs of whitespace as one space: the model's
 * tokenizer does not tell those apart.
 */
public final class CachedQueryVectors implements QueryVectors {
  /** 10,000 vectors of 384 floats: about 16 MB. */
  static final int MAX_QUERIES = 10_000;

  private final TextEmbedder embedder;
  private final Cache<String, float[]> cache =
      Caffeine.newBuilder().maximumSize(MAX_QUERIES).build();

  public CachedQueryVectors(TextEmbedder embedder) {
    this.embedder = embedder;
  }

  @Override
  public float[] of(String query) {
    return cache.get(key(query), embedder::query);
  }

  static String key(String query) {
    return query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

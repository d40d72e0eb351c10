package io.lumbar.search;

/**
 * Sentence embeddings of search queries, for the meaning side of hybrid ranking (the semantic
 * package owns the model). Unit length, comparable with the index's passage vectors.
 */
public interface QueryVectors {
  /** The query's vector; null when it cannot be computed now (search then stays lexical). */
  float[] of(String query);
}

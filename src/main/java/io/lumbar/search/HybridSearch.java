package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** The meaning side of a search: the query's vector and its nearest passages, and how they are fused. */
final class HybridSearch {
  /**
   * Nearest passages fetched per search (more when the page reaches further). Their similarities also set the
   * scale of the meaning evidence (the best of them), so this is a candidate pool, not a page.
   */
  static final int NEAREST = 50;

  private final QueryVectors vectors;
  private final HybridFusion.Weights weights;
  private final boolean meaningOnly;

  HybridSearch(QueryVectors vectors, HybridFusion.Weights weights) {
    this(vectors, weights, false);
  }

  HybridSearch(QueryVectors vectors, HybridFusion.Weights weights, boolean meaningOnly) {
    this.vectors = vectors;
    this.weights = weights;
    this.meaningOnly = meaningOnly;
  }

  HybridFusion.Weights weights() {
    return weights;
  }

  /** A dense-only baseline for {@code lumbar eval}: the lexical side is not consulted. */
  boolean meaningOnly() {
    return meaningOnly;
  }

  /** The query's vector, or null when the meaning side has no say: quoted phrases ask for exact words. */
  float[] queryVector(SearchRequest request) {
    return SymptomQuery.hasPhrases(request.query()) ? null : vectors.of(request.query());
  }

  /** The {@code k} passages nearest to {@code vector} among those {@code filter} (null: all) lets through. */
  ScoreDoc[] nearest(IndexSearcher searcher, float[] vector, Query filter, int k) throws IOException {
    return searcher.search(new KnnFloatVectorQuery(PassageFields.VECTOR, vector, k, filter), k).scoreDocs;
  }
}
